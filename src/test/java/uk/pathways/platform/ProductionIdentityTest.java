package uk.pathways.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.pathways.PathwaysApplication;

/** Outside the demo profile: no demo users, no default passwords, an administrator from configuration. */
@org.junit.jupiter.api.Tag("app")
@org.junit.jupiter.api.Tag("slow")
class ProductionIdentityTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String profiles, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--pathways.data-dir=" + dataDir;
        all[1] = "--server.port=0";
        all[2] = "--camunda.bpm.job-execution.enabled=false";
        System.arraycopy(args, 0, all, 3, args.length);
        return new SpringApplicationBuilder(PathwaysApplication.class)
                .profiles(profiles)
                .run(all);
    }

    @Test
    void refusesToStartWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> start("production").close())
                .rootCause()
                .hasMessageContaining("no administrator password");
    }

    @Test
    void refusesADefaultPassword() {
        assertThatThrownBy(() -> start("production", "--pathways.admin.password=Demo!Password1")
                        .close())
                .rootCause()
                .hasMessageContaining("well-known default password");
    }

    @Test
    void refusesAWeakAdministratorPassword() {
        assertThatThrownBy(() -> start("production", "--pathways.admin.password=Synthetic!Admin-Pass42")
                        .close())
                .rootCause()
                .hasMessageContaining("Password does not match policy");
    }

    @Test
    void startsWithAConfiguredAdministratorAndNoDemoUsers() {
        try (ConfigurableApplicationContext app =
                start("production", "--pathways.admin.password=Synthetic!Strong-Pass42")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getIdentityService().checkPassword("admin", "Synthetic!Strong-Pass42"))
                    .isTrue();
            assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(1);
            assertThat(engine.getIdentityService()
                            .createGroupQuery()
                            .groupId("police-managers")
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesToStartOnADatabaseThatHoldsDemoUsers() {
        start("demo").close();

        assertThatThrownBy(() -> start("production", "--pathways.admin.password=Synthetic!Strong-Pass42")
                        .close())
                .rootCause()
                .hasMessageContaining("demo users exist outside the demo profile");
    }
}
