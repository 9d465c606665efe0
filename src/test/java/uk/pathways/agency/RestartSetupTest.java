package uk.pathways.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;

/**
 * What a restart does to the engine's set-up (B5, issue 20): it reads what is there in a few queries, writes nothing
 * when nothing is missing, and puts back what an administrator removed by mistake.
 */
@PathwaysTest
class RestartSetupTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identityService;

    @Autowired
    Grants grants;

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    DemoUsers demoUsers;

    @Test
    void aRestartWithNothingMissingWritesNothing() {
        long grantsBefore = authorizations.createAuthorizationQuery().count();
        long filtersBefore = filters.createFilterQuery().count();
        long groupsBefore = identityService.createGroupQuery().count();
        List<String> policeWorkerGroups = groupsOf("police-worker");

        restart();

        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grantsBefore);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filtersBefore);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groupsBefore);
        assertThat(groupsOf("police-worker")).isEqualTo(policeWorkerGroups);
    }

    @Test
    void aRestartPutsBackGrantsFiltersGroupsAndMembershipsRemovedByMistake() {
        Authorization tasklist = grantOf("police", Resources.APPLICATION, "tasklist");
        authorizations.deleteAuthorization(tasklist.getId());
        Authorization startReferral = grantOf("police", Resources.PROCESS_DEFINITION, "cse-referral");
        startReferral.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(startReferral);
        Filter mine = filters.createFilterQuery()
                .filterName(TasklistFilters.name(TasklistFilters.MY_AGENCY, Agency.MASH))
                .singleResult();
        Authorization mashReadsItsFilter = grantOf("mash", Resources.FILTER, mine.getId());
        authorizations.deleteAuthorization(mashReadsItsFilter.getId());
        identityService.deleteMembership("police-worker", "police");

        restart();

        assertThat(grantOf("police", Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS))
                .isTrue();
        Authorization restored = grantOf("police", Resources.PROCESS_DEFINITION, "cse-referral");
        assertThat(restored.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE))
                .isTrue();
        assertThat(restored.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(grantOf("mash", Resources.FILTER, mine.getId()).isPermissionGranted(Permissions.READ))
                .isTrue();
        assertThat(groupsOf("police-worker")).contains("police");
    }

    @Test
    void aSecondFilterWithAnAgencysFilterNameStopsTheRestartAndSaysWhich() {
        String name = TasklistFilters.name(TasklistFilters.MY_AGENCY, Agency.POLICE);
        Filter copy = filters.saveFilter(
                filters.newTaskFilter(name).setQuery(engine.getTaskService().createTaskQuery()));
        try {
            assertThatThrownBy(() -> tasklistFilters.postProcessEngineBuild(engine))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(name)
                    .hasMessageContaining(copy.getId());
        } finally {
            filters.deleteFilter(copy.getId());
        }
    }

    @Test
    void theGrantsOfARestartAreReadInOneQueryPerKindOfResourceNotOnePerGrant() {
        AtomicInteger queries = new AtomicInteger();
        AuthorizationService counted = counting(authorizations, queries);
        GrantBook book = new GrantBook(counted, List.of("police", "police-managers", Agency.CAMUNDA_ADMIN));

        int written = book.grant("police", Resources.USER, "*", Permissions.READ)
                + book.grant("police-managers", Resources.GROUP, "*", Permissions.READ)
                + book.grant(Agency.CAMUNDA_ADMIN, Resources.TASK, "*", Permissions.ALL)
                + book.grant("police", Resources.PROCESS_DEFINITION, "cse-referral", Permissions.READ)
                + book.grant("police", Resources.PROCESS_DEFINITION, "missing-episode", Permissions.READ)
                + book.grant("police-managers", Resources.PROCESS_DEFINITION, "cse-referral", Permissions.READ)
                + book.grant("police", Resources.APPLICATION, "tasklist", Permissions.ACCESS);

        assertThat(written).as("everything was granted at start-up already").isZero();
        assertThat(queries.get())
                .as("one query for the grants on every resource, one per resource type named")
                .isEqualTo(3);
        assertThatThrownBy(() -> book.grant("health", Resources.USER, "*", Permissions.READ))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("health");
    }

    private void restart() {
        ContractGroups.ensureGroups(identityService);
        demoUsers.postProcessEngineBuild(engine);
        grants.postProcessEngineBuild(engine);
        tasklistFilters.postProcessEngineBuild(engine);
    }

    private Authorization grantOf(String group, Resources resource, String resourceId) {
        return authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).orderByGroupId().asc().list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId)
                .toList();
    }

    private static AuthorizationService counting(AuthorizationService target, AtomicInteger queries) {
        return (AuthorizationService) Proxy.newProxyInstance(
                AuthorizationService.class.getClassLoader(),
                new Class<?>[] {AuthorizationService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createAuthorizationQuery")) {
                        queries.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
