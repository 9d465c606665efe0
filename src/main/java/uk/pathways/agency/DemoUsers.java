package uk.pathways.agency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of contract section 1, created only in the {@code demo} profile: for each agency
 * {@code <id>-worker} and {@code <id>-manager}, plus {@code process-owner}, {@code performance-reader}
 * and {@code admin}. Every demo password is {@value #DEMO_PASSWORD}. All names are made up.
 */
@Component
@Order(2)
@Profile("demo")
class DemoUsers extends AbstractProcessEnginePlugin {

    static final String DEMO_PASSWORD = "Demo!Password1";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

    static List<DemoUser> all() {
        List<DemoUser> users = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            users.add(new DemoUser(
                    agency.groupId() + "-worker", agency.displayName(), "Worker", List.of(agency.groupId())));
            users.add(new DemoUser(
                    agency.groupId() + "-manager",
                    agency.displayName(),
                    "Manager",
                    List.of(agency.groupId(), agency.managersGroupId())));
        }
        users.add(new DemoUser("process-owner", "Process", "Owner", List.of(Agency.PROCESS_OWNERS)));
        users.add(new DemoUser("performance-reader", "Performance", "Reader", List.of(Agency.PERFORMANCE)));
        users.add(new DemoUser("admin", "System", "Administrator", List.of(Agency.CAMUNDA_ADMIN)));
        return users;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identityService = engine.getIdentityService();
        int created = 0;
        // the demo users there are, in one query; the memberships of those, one query each (start-up, B5)
        Set<String> existing = new HashSet<>();
        identityService
                .createUserQuery()
                .userIdIn(all().stream().map(DemoUser::id).toArray(String[]::new))
                .list()
                .forEach(u -> existing.add(u.getId()));
        for (DemoUser demo : all()) {
            Set<String> memberOf = new HashSet<>();
            if (existing.contains(demo.id())) {
                identityService.createGroupQuery().groupMember(demo.id()).list().forEach(g -> memberOf.add(g.getId()));
            } else {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@pathways.invalid");
                user.setPassword(DEMO_PASSWORD);
                identityService.saveUser(user);
                created++;
            }
            for (String group : demo.groups()) {
                if (!memberOf.contains(group)) {
                    identityService.createMembership(demo.id(), group);
                }
            }
        }
        if (created > 0) {
            log.info("Created {} demo users (password {}): demo profile only", created, DEMO_PASSWORD);
        }
    }
}
