package uk.pathways.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The doors a deployment comes through over HTTP, on a real server (the engine REST API is a Jersey servlet that
 * MockMvc does not reach): the Modeler's {@code /engine-rest/deployment/create} and Pathways' {@code /api/deployments}.
 * Only process owners deploy; a failing model is refused with the list of problems; nothing deploys on refusal.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DeploymentDoorsTest {

    private static final String PASSWORD = "Demo!Password1";
    private static final String NAME = "doors-test";

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repositoryService;

    @AfterEach
    void removeWhatDeployed() {
        repositoryService
                .createDeploymentQuery()
                .deploymentName(NAME)
                .list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void theModelerDoorRefusesANonOwnerAndNothingDeploys() {
        ResponseEntity<JsonNode> response = engineRestDeploy("police-worker", TestModels.goodProcess());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().path("message").asText())
                .contains("police-worker")
                .containsAnyOf("only process owners", "Deployment");
        assertNothingDeployed();
    }

    @Test
    void theModelerDoorLetsAProcessOwnerDeploy() {
        ResponseEntity<JsonNode> response = engineRestDeploy("process-owner", TestModels.goodProcess());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("deployedProcessDefinitions").size()).isEqualTo(1);
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(TestModels.KEY)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theModelerDoorRefusesAFailingModelWithItsProblemsPerElement() {
        ResponseEntity<JsonNode> response = engineRestDeploy(
                "process-owner", TestModels.goodProcess().replace(" camunda:candidateGroups=\"mash\"", ""));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("message").asText())
                .contains("validator-test.bpmn, check \"Check the referral\": has no candidate group");
        JsonNode errors =
                response.getBody().path("details").path("validator-test.bpmn").path("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("mainElementId").asText()).isEqualTo("check");
        assertNothingDeployed();
    }

    @Test
    void theUploadPageChecksFirstInADryRun() {
        ResponseEntity<JsonNode> dryRun = apiDeploy("process-owner", TestModels.goodProcess(), true);

        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dryRun.getBody().path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.getBody().path("deployed").asBoolean()).isFalse();
        assertThat(dryRun.getBody().path("summary").asText()).startsWith("The models pass the Pathways checks");
        assertNothingDeployed();

        ResponseEntity<JsonNode> deployed = apiDeploy("process-owner", TestModels.goodProcess(), false);

        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deployed.getBody().path("deployed").asBoolean()).isTrue();
        assertThat(deployed.getBody().path("definitions").get(0).path("key").asText())
                .isEqualTo(TestModels.KEY);
        assertThat(deployed.getBody().path("definitions").get(0).path("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void theUploadPageShowsWhatIsWrongAndDeploysNothing() {
        ResponseEntity<JsonNode> response = apiDeploy(
                "process-owner",
                TestModels.goodProcess().replace("camunda:formRef=\"screening\"", "camunda:formRef=\"no-such-form\""),
                false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode error = response.getBody().path("errors").get(0);
        assertThat(error.path("file").asText()).isEqualTo("validator-test.bpmn");
        assertThat(error.path("element").asText()).isEqualTo("check");
        assertThat(error.path("message").asText())
                .isEqualTo(
                        "form 'no-such-form' does not exist: it is not in this deployment, not deployed, and not in forms/");
        assertNothingDeployed();
    }

    @Test
    void theUploadPageIsForProcessOwnersOnly() {
        ResponseEntity<JsonNode> response = apiDeploy("mash-manager", TestModels.goodProcess(), true);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertNothingDeployed();
    }

    private ResponseEntity<JsonNode> engineRestDeploy(String user, String model) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", NAME);
        parts.add("deploy-changed-only", "true");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", file(model));
        return http.withBasicAuth(user, PASSWORD)
                .postForEntity("/engine-rest/deployment/create", multipart(parts), JsonNode.class);
    }

    private ResponseEntity<JsonNode> apiDeploy(String user, String model, boolean dryRun) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file(model));
        return http.withBasicAuth(user, PASSWORD)
                .postForEntity(
                        "/api/deployments?dryRun=" + dryRun + "&deployment-name=" + NAME,
                        multipart(parts),
                        JsonNode.class);
    }

    private static ByteArrayResource file(String model) {
        return new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return TestModels.KEY + ".bpmn";
            }
        };
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(MultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private void assertNothingDeployed() {
        assertThat(repositoryService
                        .createDeploymentQuery()
                        .deploymentName(NAME)
                        .count())
                .isZero();
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(TestModels.KEY)
                        .count())
                .isZero();
    }
}
