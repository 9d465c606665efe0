package uk.pathways.agency;

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

import static org.assertj.core.api.Assertions.assertThat;

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

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void eachAgencyFindsItsOwnWorkInMyAgencysTasks() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        Filter mine = filter(TasklistFilters.MY_AGENCY);

        assertThat(taskIdsAs("mash-worker", List.of("mash"), mine)).contains(screening.getId());
        assertThat(taskIdsAs("police-worker", List.of("police"), mine)).doesNotContain(screening.getId());
        // shows the case reference and the child in the list
        assertThat(mine.getProperties().get("variables")).asList()
                .contains(Map.of("name", "reference", "label", "Reference"), Map.of("name", "childDisplayName", "label", "Child"));
    }

    @Test
    void theEscalatedFilterShowsATaskOnceItsClockRanOut() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        Filter escalated = filter(TasklistFilters.ESCALATED);
        Filter dueToday = filter(TasklistFilters.DUE_TODAY);
        assertThat(taskIdsAs("mash-manager", List.of("mash", "mash-managers"), escalated)).doesNotContain(screening.getId());

        ClockUtil.setCurrentTime(new java.util.Date(screening.getDueDate().getTime() + 60_000));
        for (Job job : pathway.clocks(referral.processInstanceId())) {
            if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
                managementService.executeJob(job.getId());
            }
        }
        assertThat(taskIdsAs("mash-manager", List.of("mash", "mash-managers"), escalated)).contains(screening.getId());
        assertThat(taskIdsAs("mash-manager", List.of("mash", "mash-managers"), dueToday)).contains(screening.getId());
        assertThat(taskIdsAs("police-manager", List.of("police", "police-managers"), escalated)).doesNotContain(screening.getId());
    }

    @Test
    void eachGroupMayReadItsFiltersAndOnlyAdministratorsAllTasks() {
        String mine = filter(TasklistFilters.MY_AGENCY).getId();
        String escalated = filter(TasklistFilters.ESCALATED).getId();
        String dueToday = filter(TasklistFilters.DUE_TODAY).getId();
        String all = filter("All tasks").getId();

        for (Agency agency : Agency.values()) {
            assertThat(readers(mine)).contains(agency.groupId(), agency.managersGroupId());
            assertThat(readers(dueToday)).contains(agency.groupId(), agency.managersGroupId());
            assertThat(readers(escalated)).contains(agency.managersGroupId()).doesNotContain(agency.groupId());
        }
        assertThat(readers(all)).containsExactly(Agency.CAMUNDA_ADMIN);
        assertThat(filter("All tasks").getProperties()).containsEntry("priority", 100);
    }

    @Test
    void startingAgainCreatesNothingTwice() {
        long filterCount = filters.createFilterQuery().count();
        long grantCount = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).count();

        new TasklistFilters("All tasks").postProcessEngineBuild(engine);

        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).count()).isEqualTo(grantCount);
        assertThat(filters.createFilterQuery().filterName(TasklistFilters.MY_AGENCY).count()).isEqualTo(1);
    }

    private Filter filter(String name) {
        return filters.createFilterQuery().filterName(name).singleResult();
    }

    private List<String> readers(String filterId) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                .hasPermission(Permissions.READ).list().stream().map(a -> a.getGroupId()).toList();
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
