package uk.pathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.pathways.PathwaysApplication;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The embedded default as a user runs it: an H2 file database in a data folder. A restart keeps every
 * referral and makes no new versions of unchanged models; the demo users are there after it.
 */
@org.junit.jupiter.api.Tag("app")
@org.junit.jupiter.api.Tag("slow")
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PathwaysApplication.class)
                .profiles("demo")
                .run("--pathways.data-dir=" + dataDir, "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
    }

    @Test
    void aRestartKeepsReferralsAndDeploysNoNewVersions() {
        String caseId;
        String processInstanceId;
        List<String> definitionsBefore;
        try (ConfigurableApplicationContext first = start()) {
            ReferralAccepted referral = first.getBean(Pathway.class).refer(13, List.of("ONLINE_SEXUAL_CONTACT"));
            caseId = referral.caseId();
            processInstanceId = referral.processInstanceId();
            definitionsBefore = definitions(first.getBean(ProcessEngine.class));
        }
        assertThat(Files.exists(dataDir.resolve("pathways.mv.db")))
                .as("the H2 file is in the data folder: %s", listing())
                .isTrue();
        assertThat(definitionsBefore).contains("cse-referral:1", "strategy-meeting-process:1", "cse-threshold:1");

        try (ConfigurableApplicationContext second = start()) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(definitions(engine)).isEqualTo(definitionsBefore);
            assertThat(engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(processInstanceId)
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .processInstanceId(processInstanceId)
                            .taskDefinitionKey("screening")
                            .count())
                    .isEqualTo(1);
            assertThat(second.getBean(uk.pathways.casefile.CaseFile.class).find(caseId))
                    .isPresent();
            assertThat(engine.getIdentityService().checkPassword("mash-worker", "Demo!Password1"))
                    .isTrue();
            assertThat(engine.getIdentityService().createUserQuery().count())
                    .as("demo users are not created twice")
                    .isEqualTo(19);
        }
    }

    private String listing() {
        try (var files = Files.list(dataDir)) {
            return files.map(Path::toString).toList().toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static List<String> definitions(ProcessEngine engine) {
        List<String> ids = new java.util.ArrayList<>();
        engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .list()
                .forEach(d -> ids.add(d.getKey() + ":" + d.getVersion()));
        engine.getRepositoryService()
                .createDecisionDefinitionQuery()
                .list()
                .forEach(d -> ids.add(d.getKey() + ":" + d.getVersion()));
        java.util.Collections.sort(ids);
        return ids;
    }
}
