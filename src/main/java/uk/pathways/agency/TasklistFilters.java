package uk.pathways.agency;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;

/**
 * The Tasklist, ready for agencies. At start-up (idempotent: a filter that exists is left as a process
 * owner may have tuned it) each agency gets three filters, each showing the case reference and the child:
 * <ul>
 *   <li>"My agency's tasks (Agency)": tasks for the agency or its managers (their escalations), claimed
 *   ones included, soonest due first; READ for the agency and its managers;</li>
 *   <li>"Escalated (Agency)": tasks escalated to {@code <agency>-managers} (task-local {@code escalated}
 *   true); READ for {@code <agency>-managers};</li>
 *   <li>"Due today (Agency)": the agency's tasks due by the end of today (UK time), overdue ones too; READ
 *   for the agency and its managers. Expressions are refused in stored queries (application.yml), so the
 *   end of today is written into the query at start-up and again every midnight.</li>
 * </ul>
 * The READ grants take effect once authorization checks are on (issue #6); until then every user sees
 * every filter, which is why the agency is in each name. "All tasks" ({@code camunda.bpm.filter.create})
 * is granted to {@code camunda-admin} only and listed last.
 */
@Component
@Order(3)
class TasklistFilters extends AbstractProcessEnginePlugin {

    static final String MY_AGENCY = "My agency's tasks";
    static final String ESCALATED = "Escalated";
    static final String DUE_TODAY = "Due today";
    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final String allTasksFilter;
    private final ProcessEngine engine;

    TasklistFilters(@Value("${camunda.bpm.filter.create:}") String allTasksFilter, @Lazy ProcessEngine engine) {
        this.allTasksFilter = allTasksFilter;
        this.engine = engine;
    }

    static String name(String filter, Agency agency) {
        return filter + " (" + agency.displayName() + ")";
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        FilterService filters = processEngine.getFilterService();
        TaskService tasks = processEngine.getTaskService();
        GrantBook authorizations = new GrantBook(processEngine.getAuthorizationService(), Agency.contractGroupIds());
        Map<String, Filter> existing = byName(filters);
        int granted = 0;
        Agency[] agencies = Agency.values();
        for (int i = 0; i < agencies.length; i++) {
            Agency agency = agencies[i];
            String workers = agency.groupId();
            String managers = agency.managersGroupId();
            Filter mine = ensure(
                    filters,
                    existing,
                    name(MY_AGENCY, agency),
                    agencyTasks(tasks, agency),
                    "Tasks for " + agency.displayName() + ", and for its managers the tasks escalated to them.",
                    i * 10 + 1,
                    "#1d70b8");
            Filter escalated = ensure(
                    filters,
                    existing,
                    name(ESCALATED, agency),
                    escalatedTasks(tasks, agency),
                    "Tasks whose clock ran out, escalated to " + agency.displayName() + " managers.",
                    i * 10 + 2,
                    "#d4351c");
            Filter dueToday = ensure(
                    filters,
                    existing,
                    name(DUE_TODAY, agency),
                    dueTodayTasks(tasks, agency),
                    agency.displayName() + " tasks due by the end of today, and any that are overdue.",
                    i * 10 + 3,
                    "#f47738");
            granted += authorizations.grant(workers, Resources.FILTER, mine.getId(), Permissions.READ)
                    + authorizations.grant(managers, Resources.FILTER, mine.getId(), Permissions.READ);
            granted += authorizations.grant(managers, Resources.FILTER, escalated.getId(), Permissions.READ);
            granted += authorizations.grant(workers, Resources.FILTER, dueToday.getId(), Permissions.READ)
                    + authorizations.grant(managers, Resources.FILTER, dueToday.getId(), Permissions.READ);
        }
        refreshDueToday(processEngine, existing);
        granted += allTasksLast(filters, existing, authorizations, tasks);
        if (granted > 0) {
            log.info("Tasklist filters ready: {} read grants created", granted);
        }
    }

    /** Moves every agency's "Due today" to the end of the new day (UK time); runs at start-up and each midnight. */
    @Scheduled(cron = "0 0 0 * * *", zone = "Europe/London")
    void refreshDueToday() {
        refreshDueToday(engine);
    }

    static void refreshDueToday(ProcessEngine processEngine) {
        refreshDueToday(processEngine, byName(processEngine.getFilterService()));
    }

    private static void refreshDueToday(ProcessEngine processEngine, Map<String, Filter> existing) {
        FilterService filters = processEngine.getFilterService();
        for (Agency agency : Agency.values()) {
            Filter filter = existing.get(name(DUE_TODAY, agency));
            if (filter != null) {
                filter.setQuery(dueTodayTasks(processEngine.getTaskService(), agency));
                filters.saveFilter(filter);
            }
        }
    }

    static Date endOfToday() {
        return Date.from(Now.today().plusDays(1).atStartOfDay(Now.UK).toInstant());
    }

    private static TaskQuery agencyTasks(TaskService tasks, Agency agency) {
        return tasks.createTaskQuery()
                .taskCandidateGroupIn(List.of(agency.groupId(), agency.managersGroupId()))
                .includeAssignedTasks()
                .orderByDueDate()
                .asc();
    }

    private static TaskQuery escalatedTasks(TaskService tasks, Agency agency) {
        return tasks.createTaskQuery()
                .taskCandidateGroupIn(List.of(agency.managersGroupId()))
                .includeAssignedTasks()
                .taskVariableValueEquals("escalated", true)
                .orderByDueDate()
                .asc();
    }

    private static TaskQuery dueTodayTasks(TaskService tasks, Agency agency) {
        return tasks.createTaskQuery()
                .taskCandidateGroupIn(List.of(agency.groupId(), agency.managersGroupId()))
                .includeAssignedTasks()
                .dueBefore(endOfToday())
                .orderByDueDate()
                .asc();
    }

    private int allTasksLast(
            FilterService filters, Map<String, Filter> existing, GrantBook authorizations, TaskService tasks) {
        if (allTasksFilter == null || allTasksFilter.isBlank()) {
            return 0;
        }
        Filter all = existing.get(allTasksFilter);
        if (all == null) {
            all = filters.newTaskFilter(allTasksFilter).setQuery(tasks.createTaskQuery());
        }
        Map<String, Object> properties =
                new LinkedHashMap<>(all.getProperties() == null ? Map.of() : all.getProperties());
        if (!properties.containsKey("priority")) {
            properties.put("priority", 1000);
            properties.putIfAbsent("description", "Every task of every agency: system administrators only.");
            properties.putIfAbsent("variables", variables());
            all.setProperties(properties);
            all = filters.saveFilter(all);
        }
        return authorizations.grant(Agency.CAMUNDA_ADMIN, Resources.FILTER, all.getId(), Permissions.READ);
    }

    /**
     * Every task filter by name, in one query (filters are few: the agencies' and the administrators'). Two filters
     * with one of Pathways' names stop the start, as the look-up by name did: which one the agencies read is unknown.
     */
    private static Map<String, Filter> byName(FilterService filters) {
        Map<String, Filter> byName = new LinkedHashMap<>();
        for (Filter filter : filters.createFilterQuery().orderByFilterId().asc().list()) {
            Filter other = byName.putIfAbsent(filter.getName(), filter);
            if (other != null && isPathways(filter.getName())) {
                throw new IllegalStateException("Two Tasklist filters are named \"" + filter.getName() + "\" (ids "
                        + other.getId() + " and " + filter.getId() + "): delete one in the Tasklist or Admin");
            }
        }
        return byName;
    }

    private static boolean isPathways(String name) {
        for (Agency agency : Agency.values()) {
            for (String filter : List.of(MY_AGENCY, ESCALATED, DUE_TODAY)) {
                if (name(filter, agency).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Filter ensure(
            FilterService filters,
            Map<String, Filter> existing,
            String name,
            TaskQuery query,
            String description,
            int priority,
            String color) {
        Filter found = existing.get(name);
        if (found != null) {
            return found;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", variables());
        return filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties));
    }

    /** The variables the task list shows of each task: the case reference and the child. */
    private static List<Map<String, String>> variables() {
        return new ArrayList<>(List.of(
                Map.of("name", "reference", "label", "Reference"),
                Map.of("name", "childDisplayName", "label", "Child")));
    }
}
