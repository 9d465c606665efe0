package uk.pathways.agency;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile Pathways refuses to start while a demo user exists, without an administrator
 * password given by configuration ({@code pathways.admin.password}, e.g. PATHWAYS_ADMIN_PASSWORD), or
 * with a well-known default password. The administrator is created (or its password set) from that
 * configuration, in group {@code camunda-admin}.
 */
@Component
@Profile("!demo")
@Order(2)
class ProductionIdentity extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProductionIdentity.class);
    static final Set<String> DEFAULT_PASSWORDS =
            Set.of(DemoUsers.DEMO_PASSWORD, "admin", "demo", "password", "camunda", "Password1", "changeme");

    private final String adminUser;
    private final String adminPassword;

    ProductionIdentity(
            @Value("${pathways.admin.user:admin}") String adminUser,
            @Value("${pathways.admin.password:}") String adminPassword) {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        List<String> demoUsers = DemoUsers.all().stream()
                .map(DemoUsers.DemoUser::id)
                .filter(id -> !id.equals(adminUser))
                .filter(id -> identity.createUserQuery().userId(id).count() > 0)
                .toList();
        if (!demoUsers.isEmpty()) {
            throw new IllegalStateException("Refusing to start: demo users exist outside the demo profile: "
                    + String.join(", ", demoUsers) + ". Delete them (Admin webapp) or use a new database.");
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalStateException("Refusing to start: no administrator password. Set pathways.admin.password "
                    + "(environment PATHWAYS_ADMIN_PASSWORD) to a strong password.");
        }
        if (DEFAULT_PASSWORDS.stream().anyMatch(p -> p.equalsIgnoreCase(adminPassword))) {
            throw new IllegalStateException(
                    "Refusing to start: pathways.admin.password is a well-known default password.");
        }
        User admin = identity.createUserQuery().userId(adminUser).singleResult();
        if (admin == null) {
            admin = identity.newUser(adminUser);
            admin.setFirstName("Pathways");
            admin.setLastName("Administrator");
        }
        admin.setPassword(adminPassword);
        try {
            identity.saveUser(admin);
        } catch (org.camunda.bpm.engine.ProcessEngineException weak) {
            throw new IllegalStateException(
                    "Refusing to start: pathways.admin.password does not meet the password policy "
                            + "(at least 10 characters with upper and lower case, a digit and a symbol, and not containing the user's "
                            + "id or name): " + weak.getMessage(),
                    weak);
        }
        if (identity.createUserQuery()
                        .userId(adminUser)
                        .memberOfGroup(Agency.CAMUNDA_ADMIN)
                        .count()
                == 0) {
            identity.createMembership(adminUser, Agency.CAMUNDA_ADMIN);
        }
        log.info("Administrator '{}' set from configuration", adminUser);
    }
}
