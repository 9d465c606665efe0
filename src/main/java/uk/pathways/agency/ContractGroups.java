package uk.pathways.agency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the contract's groups (section 1) at start-up, in every profile, if they are missing. */
@Component
class ContractGroups {

    private static final Logger log = LoggerFactory.getLogger(ContractGroups.class);

    private final IdentityService identityService;

    ContractGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener
    @Order(0)
    public void onEngineStarted(PostDeployEvent event) {
        ensureGroups();
    }

    void ensureGroups() {
        int created = 0;
        for (Agency agency : Agency.values()) {
            created += ensure(agency.groupId(), agency.displayName(), "AGENCY");
            created += ensure(agency.managersGroupId(), agency.displayName() + " managers", "AGENCY_MANAGERS");
        }
        created += ensure(Agency.PROCESS_OWNERS, "Process owners", "PATHWAYS");
        created += ensure(Agency.PERFORMANCE, "Performance and safeguarding board", "PATHWAYS");
        created += ensure(Agency.CAMUNDA_ADMIN, "Administrators", "SYSTEM");
        if (created > 0) {
            log.info("Created {} Pathways groups", created);
        }
    }

    private int ensure(String id, String name, String type) {
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
