package uk.pathways.agency;

import java.util.HashSet;
import java.util.Set;
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
        // the groups there are, in one query rather than one per group (start-up, B5)
        Set<String> existing = new HashSet<>();
        identityService
                .createGroupQuery()
                .groupIdIn(Agency.contractGroupIds().toArray(String[]::new))
                .list()
                .forEach(g -> existing.add(g.getId()));
        int created = 0;
        for (Agency agency : Agency.values()) {
            created += ensure(identityService, existing, agency.groupId(), agency.displayName(), "AGENCY");
            created += ensure(
                    identityService,
                    existing,
                    agency.managersGroupId(),
                    agency.displayName() + " managers",
                    "AGENCY_MANAGERS");
        }
        created += ensure(identityService, existing, Agency.PROCESS_OWNERS, "Process owners", "PATHWAYS");
        created +=
                ensure(identityService, existing, Agency.PERFORMANCE, "Performance and safeguarding board", "PATHWAYS");
        created += ensure(identityService, existing, Agency.CAMUNDA_ADMIN, "Administrators", "SYSTEM");
        if (created > 0) {
            log.info("Created {} Pathways groups", created);
        }
    }

    private static int ensure(
            IdentityService identityService, Set<String> existing, String id, String name, String type) {
        if (existing.contains(id)) {
            return 0;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        return 1;
    }
}
