package uk.pathways.agency;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's authorizations for the contract's groups: grant-only (no revokes, which are slow on
 * PostgreSQL), created at start-up if missing. What each group may do through the engine's doors
 * ({@code /engine-rest}, the Camunda webapps):
 * <ul>
 * <li>every agency group and its managers: the Tasklist; reading users and groups; reading the pathways'
 * definitions and starting a referral or missing episode. Tasks: only those their group is a candidate of,
 * granted by the engine per task as TASK_WORK (claim, complete) when the group is added; a manager's group is
 * added to a task when its clock is breached. Process instances, their variables and history are not
 * readable by agencies through the engine: the case record ({@code /api/cases}) is the door for that, with
 * need-to-know and audit.</li>
 * <li>{@code process-owners}: Cockpit; deployments, definitions, decisions, running instances (for
 * migration) and migration batches.</li>
 * <li>{@code performance}: nothing in the engine; figures come from {@code /api/kpis}.</li>
 * <li>{@code camunda-admin}: everything (the engine's admin group).</li>
 * </ul>
 */
@Component
@Order(3)
class Grants extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(Grants.class);
    static final List<String> STARTABLE = List.of("cse-referral", "missing-episode");
    static final List<String> VISIBLE = List.of("cse-referral", "missing-episode", "strategy-meeting-process");

    /** Members of camunda-admin pass every engine check (the contract's administrators). */
    @Override
    public void preInit(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
        List<String> admins = configuration.getAdminGroups() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getAdminGroups());
        if (!admins.contains(Agency.CAMUNDA_ADMIN)) {
            admins.add(Agency.CAMUNDA_ADMIN);
        }
        configuration.setAdminGroups(admins);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        int created = 0;
        List<String> agencyGroups = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            agencyGroups.add(agency.groupId());
            agencyGroups.add(agency.managersGroupId());
        }
        GrantBook authorizations = new GrantBook(engine.getAuthorizationService(), Agency.contractGroupIds());
        for (String group : agencyGroups) {
            created += authorizations.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            created += authorizations.grant(group, Resources.USER, "*", Permissions.READ);
            created += authorizations.grant(group, Resources.GROUP, "*", Permissions.READ);
            for (String key : VISIBLE) {
                created += authorizations.grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ);
            }
            for (String key : STARTABLE) {
                created += authorizations.grant(
                        group,
                        Resources.PROCESS_DEFINITION,
                        key,
                        ProcessDefinitionPermissions.CREATE_INSTANCE,
                        Permissions.READ);
            }
            created += authorizations.grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        // administrators: everything, granted explicitly (whatever the engine's admin-group setting says)
        for (Resources resource : Resources.values()) {
            created += authorizations.grant(Agency.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
        String owners = Agency.PROCESS_OWNERS;
        created += authorizations.grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        created += authorizations.grant(owners, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        created += authorizations.grant(owners, Resources.USER, "*", Permissions.READ);
        created += authorizations.grant(owners, Resources.GROUP, "*", Permissions.READ);
        created += authorizations.grant(owners, Resources.DEPLOYMENT, "*", Permissions.ALL);
        created += authorizations.grant(owners, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
        created += authorizations.grant(owners, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
        created += authorizations.grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
        created += authorizations.grant(owners, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE);
        created += authorizations.grant(
                owners,
                Resources.BATCH,
                "*",
                Permissions.READ,
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
        if (created > 0) {
            log.info("Created {} engine authorizations (grant-only)", created);
        }
    }
}
