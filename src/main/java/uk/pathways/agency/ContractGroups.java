package uk.pathways.agency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the contract's groups (section 1) at start-up, in every profile, if they are missing. */
@Component
@Order(1)
class ContractGroups extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ContractGroups.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ensureGroups(engine.getIdentityService());
    }

    static void ensureGroups(IdentityService identityService) {
        int created = 0;
        for (Agency agency : Agency.values()) {
            created += ensure(identityService, agency.groupId(), agency.displayName(), "AGENCY");
            created += ensure(
                    identityService, agency.managersGroupId(), agency.displayName() + " managers", "AGENCY_MANAGERS");
        }
        created += ensure(identityService, Agency.PROCESS_OWNERS, "Process owners", "PATHWAYS");
        created += ensure(identityService, Agency.PERFORMANCE, "Performance and safeguarding board", "PATHWAYS");
        created += ensure(identityService, Agency.CAMUNDA_ADMIN, "Administrators", "SYSTEM");
        if (created > 0) {
            log.info("Created {} Pathways groups", created);
        }
    }

    private static int ensure(IdentityService identityService, String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return 0;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        return 1;
    }
}
