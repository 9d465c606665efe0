package uk.pathways.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

@PathwaysTest
class TasklistFiltersTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    FilterService filters;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    Pathway pathway;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void eachAgencyFindsItsOwnWorkInMyAgencysTasks() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        Filter mine = filter(TasklistFilters.name(TasklistFilters.MY_AGENCY, Agency.MASH));

        assertThat(mine.getName()).isEqualTo("My agency's tasks (Multi-Agency Safeguarding Hub)");
        assertThat(taskIdsAs("mash-worker", List.of("mash"), mine)).contains(screening.getId());
        assertThat(taskIdsAs(
                        "police-worker",
                        List.of("police"),
                        filter(TasklistFilters.name(TasklistFilters.MY_AGENCY, Agency.POLICE))))
                .doesNotContain(screening.getId());
        // a claimed task stays in the agency's filter
        taskService.claim(screening.getId(), "mash-worker");
        assertThat(taskIdsAs("mash-worker", List.of("mash"), mine)).contains(screening.getId());
        // shows the case reference and the child in the list
        assertThat(mine.getProperties().get("variables"))
                .asList()
                .contains(
                        Map.of("name", "reference", "label", "Reference"),
                        Map.of("name", "childDisplayName", "label", "Child"));
    }

    @Test
    void theEscalatedFilterShowsATaskOnceItsClockRanOut() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        Filter escalated = filter(TasklistFilters.name(TasklistFilters.ESCALATED, Agency.MASH));
        Filter dueToday = filter(TasklistFilters.name(TasklistFilters.DUE_TODAY, Agency.MASH));
        assertThat(taskIdsAs("mash-worker", List.of("mash"), dueToday)).doesNotContain(screening.getId());
        assertThat(taskIdsAs("mash-manager", List.of("mash", "mash-managers"), escalated))
                .doesNotContain(screening.getId());

        ClockUtil.setCurrentTime(new java.util.Date(screening.getDueDate().getTime() + 60_000));
        for (Job job : pathway.clocks(referral.processInstanceId())) {
            if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
                managementService.executeJob(job.getId());
            }
        }
        assertThat(taskIdsAs("mash-manager", List.of("mash", "mash-managers"), escalated))
                .contains(screening.getId());
        assertThat(taskIdsAs(
                        "police-manager",
                        List.of("police", "police-managers"),
                        filter(TasklistFilters.name(TasklistFilters.ESCALATED, Agency.POLICE))))
                .doesNotContain(screening.getId());

        // the next midnight moves "Due today" on: the overdue task is in it
        TasklistFilters.refreshDueToday(engine);
        assertThat(taskIdsAs("mash-worker", List.of("mash"), filter(dueToday.getName())))
                .contains(screening.getId());
    }

    @Test
    void eachGroupMayReadItsFiltersAndOnlyAdministratorsAllTasks() {
        String all = filter("All tasks").getId();
        for (Agency agency : Agency.values()) {
            String mine = filter(TasklistFilters.name(TasklistFilters.MY_AGENCY, agency))
                    .getId();
            String escalated = filter(TasklistFilters.name(TasklistFilters.ESCALATED, agency))
                    .getId();
            String dueToday = filter(TasklistFilters.name(TasklistFilters.DUE_TODAY, agency))
                    .getId();
            assertThat(readers(mine)).containsExactlyInAnyOrder(agency.groupId(), agency.managersGroupId());
            assertThat(readers(dueToday)).containsExactlyInAnyOrder(agency.groupId(), agency.managersGroupId());
            assertThat(readers(escalated)).containsExactly(agency.managersGroupId());
        }
        assertThat(readers(all)).containsExactly(Agency.CAMUNDA_ADMIN);
        assertThat(filter("All tasks").getProperties()).containsEntry("priority", 1000);
    }

    @Test
    void startingAgainCreatesNothingTwice() {
        long filterCount = filters.createFilterQuery().count();
        long grantCount = authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.FILTER)
                .count();

        new TasklistFilters("All tasks", engine).postProcessEngineBuild(engine);

        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .resourceType(Resources.FILTER)
                        .count())
                .isEqualTo(grantCount);
        assertThat(filters.createFilterQuery().filterNameLike("%(Police)").count())
                .isEqualTo(3);
    }

    private Filter filter(String name) {
        return filters.createFilterQuery().filterName(name).singleResult();
    }

    private List<String> readers(String filterId) {
        return authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.FILTER)
                .resourceId(filterId)
                .hasPermission(Permissions.READ)
                .list()
                .stream()
                .map(a -> a.getGroupId())
                .toList();
    }

    /** The tasks the filter lists for a user, as the Tasklist asks for them (expressions use the signed-in user). */
    private List<String> taskIdsAs(String user, List<String> groups, Filter filter) {
        identityService.setAuthentication(user, groups);
        try {
            return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
