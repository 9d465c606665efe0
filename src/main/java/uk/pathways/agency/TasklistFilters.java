package uk.pathways.agency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist, ready for agencies: at start-up (idempotent; an existing filter is left as a process owner
 * may have tuned it) the filters every practitioner needs, each showing the case reference and the child:
 * <ul>
 *   <li>"My agency's tasks": tasks for any of the user's groups, so a worker sees their agency's tasks and a
 *   manager also the escalations to {@code <agency>-managers}; READ for every agency and managers group;</li>
 *   <li>"Escalated": those whose task-local {@code escalated} is true; READ for every {@code <agency>-managers};</li>
 *   <li>"Due today": those due by the end of today (overdue too); READ for every agency and managers group.</li>
 * </ul>
 * The queries use the Tasklist's {@code ${currentUserGroups()}}, so one filter serves every agency and a
 * user never sees another agency's work in it. The READ authorizations only take effect once
 * authorization checks are on; until then every user sees every filter. "All tasks"
 * ({@code camunda.bpm.filter.create}) is granted to {@code camunda-admin} only and listed last.
 */
@Component
@Order(3)
class TasklistFilters extends AbstractProcessEnginePlugin {

    static final String MY_AGENCY = "My agency's tasks";
    static final String ESCALATED = "Escalated";
    static final String DUE_TODAY = "Due today";
    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final String allTasksFilter;

    TasklistFilters(@Value("${camunda.bpm.filter.create:}") String allTasksFilter) {
        this.allTasksFilter = allTasksFilter;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        FilterService filters = engine.getFilterService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        TaskService tasks = engine.getTaskService();
        List<String> everyAgencyGroup = new ArrayList<>();
        List<String> managers = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            everyAgencyGroup.add(agency.groupId());
            everyAgencyGroup.add(agency.managersGroupId());
            managers.add(agency.managersGroupId());
        }

        TaskQuery mine = mine(tasks);
        Filter myAgency = ensure(filters, MY_AGENCY, mine,
                "Tasks for your agency, and for managers the escalations to them. Claimed tasks stay here.", -30, "#005ea5");
        Filter escalated = ensure(filters, ESCALATED, mine(tasks).taskVariableValueEquals("escalated", true),
                "Tasks whose clock ran out and were escalated to your agency's managers.", -20, "#d4351c");
        Filter dueToday = ensure(filters, DUE_TODAY,
                mine(tasks).dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay()}"),
                "Your agency's tasks due by the end of today, and any that are overdue.", -10, "#f47738");
        int granted = 0;
        for (String group : everyAgencyGroup) {
            granted += grantRead(authorizations, group, myAgency.getId());
            granted += grantRead(authorizations, group, dueToday.getId());
        }
        for (String group : managers) {
            granted += grantRead(authorizations, group, escalated.getId());
        }
        if (allTasksFilter != null && !allTasksFilter.isBlank()) {
            Filter all = filters.createFilterQuery().filterName(allTasksFilter).singleResult();
            if (all == null) {
                all = filters.newTaskFilter(allTasksFilter).setQuery(tasks.createTaskQuery());
            }
            Map<String, Object> properties = new LinkedHashMap<>(all.getProperties() == null ? Map.of() : all.getProperties());
            if (!properties.containsKey("priority")) {
                properties.put("priority", 100);
                properties.putIfAbsent("description", "Every task of every agency: system administrators only.");
                properties.putIfAbsent("variables", variables());
                all.setProperties(properties);
                filters.saveFilter(all);
            }
            granted += grantRead(authorizations, Agency.CAMUNDA_ADMIN, all.getId());
        }
        if (granted > 0) {
            log.info("Tasklist filters ready: {} read grants created", granted);
        }
    }

    /** Tasks for any group of the signed-in user, claimed ones included, soonest due first. */
    private static TaskQuery mine(TaskService tasks) {
        TaskQuery query = tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        return query.orderByDueDate().asc();
    }

    private static Filter ensure(FilterService filters, String name, TaskQuery query, String description, int priority,
                                 String color) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", variables());
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        return filters.saveFilter(filter);
    }

    /** The variables the task list shows of each task: the case reference and the child. */
    private static List<Map<String, String>> variables() {
        return List.of(Map.of("name", "reference", "label", "Reference"),
                Map.of("name", "childDisplayName", "label", "Child"));
    }

    private static int grantRead(AuthorizationService authorizations, String groupId, String filterId) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.FILTER)
                .resourceId(filterId).count() > 0;
        if (granted) {
            return 0;
        }
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(groupId);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
        return 1;
    }
}
