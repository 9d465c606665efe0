package uk.pathways.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/** The audit trail through every door, and asking for access to a case with a reason. */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class AuditTrailTest {

    private static final String PASSWORD = "Demo!Password1";

    @Autowired
    TestRestTemplate http;

    @Autowired
    Pathway pathway;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private List<AuditEntry> entries(String caseId, String action, String door) {
        return audit.ofCase(caseId).stream()
                .filter(e -> e.action().equals(action) && e.door().equals(door))
                .toList();
    }

    @Test
    void readsThroughTheApiAndTheEngineRestApiAreAuditedWithTheCase() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        String caseId = referral.caseId();
        String taskId = pathway.task(caseId, "screening").getId();

        assertThat(http.withBasicAuth("mash-worker", PASSWORD)
                        .getForEntity("/api/cases/" + caseId, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.withBasicAuth("mash-worker", PASSWORD)
                        .getForEntity("/engine-rest/task/" + taskId + "/variables", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.withBasicAuth("process-owner", PASSWORD)
                        .getForEntity(
                                "/engine-rest/history/process-instance/" + referral.processInstanceId(), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertThat(entries(caseId, "READ", "API")).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo("mash-worker");
            assertThat(e.agency()).isEqualTo("mash");
        });
        assertThat(entries(caseId, "READ", "ENGINE_REST"))
                .extracting(AuditEntry::userId)
                .containsExactlyInAnyOrder("mash-worker", "process-owner");
        assertThat(entries(caseId, "CHANGE", "ENGINE"))
                .extracting(AuditEntry::detail)
                .anyMatch(d -> d.startsWith("REFERRAL_RECEIVED"));
    }

    @Test
    void aRefusedReadIsAuditedAndFailedSignInsToo() {
        String caseId = pathway.refer(14, List.of()).caseId();

        assertThat(http.withBasicAuth("rhi-service-worker", PASSWORD)
                        .getForEntity("/api/cases/" + caseId, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(entries(caseId, "ACCESS_REFUSED", "API"))
                .extracting(AuditEntry::userId)
                .containsExactly("rhi-service-worker");

        // made-up users: a demo user would be locked out for a while by Camunda's login throttling
        http.withBasicAuth("guess-one", "not-the-password").getForEntity("/api/cases/" + caseId, String.class);
        http.withBasicAuth("guess-two", "not-the-password").getForEntity("/engine-rest/task", String.class);
        List<Map<String, Object>> failures =
                jdbc.queryForList("select user_id, door from pw_audit where action = 'SIGN_IN_FAILED' order by id");
        assertThat(failures)
                .anySatisfy(
                        f -> assertThat(f).containsEntry("USER_ID", "guess-one").containsEntry("DOOR", "API"));
        assertThat(failures)
                .anySatisfy(
                        f -> assertThat(f).containsEntry("USER_ID", "guess-two").containsEntry("DOOR", "ENGINE_REST"));
    }

    @Test
    void managersOfAnInvolvedAgencyReadTheCaseAuditAndNobodyChangesIt() {
        String caseId = pathway.refer(14, List.of()).caseId();
        http.withBasicAuth("mash-worker", PASSWORD).getForEntity("/api/cases/" + caseId, String.class);

        assertThat(http.withBasicAuth("mash-worker", PASSWORD)
                        .getForEntity("/api/cases/" + caseId + "/audit", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> managers = http.withBasicAuth("mash-manager", PASSWORD)
                .getForEntity("/api/cases/" + caseId + "/audit", String.class);
        assertThat(managers.getStatusCode().value()).isEqualTo(200);
        assertThat(managers.getBody()).contains("\"action\":\"READ\"").contains("mash-worker");
        assertThat(http.withBasicAuth("police-manager", PASSWORD)
                        .getForEntity("/api/cases/" + caseId + "/audit", String.class)
                        .getStatusCode()
                        .value())
                .as("police is not involved")
                .isEqualTo(403);

        assertThatThrownBy(() -> jdbc.update("update pw_audit set user_id = 'someone-else' where case_id = ?", caseId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from pw_audit where case_id = ?", caseId))
                .hasMessageContaining("append-only");
    }

    @Test
    void anAgencyOutsideTheCaseFindsOnlyWhoAndAsksForAccessWhichAManagerGrants() throws Exception {
        var child = Pathway.child(15);
        String caseId = pathway.refer(child, List.of()).caseId();

        JsonNode found = json.readTree(http.withBasicAuth("rhi-service-worker", PASSWORD)
                .getForEntity(
                        "/api/cases?name={n}&dateOfBirth={d}", String.class, child.lastName(), child.dateOfBirth())
                .getBody());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("caseId").asText()).isEqualTo(caseId);
        assertThat(found.get(0).get("mayRead").asBoolean()).isFalse();
        assertThat(found.get(0).has("riskLevel")).isFalse();
        assertThat(found.get(0).get("involvedAgencies").toString()).contains("education", "mash");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> asked = http.withBasicAuth("rhi-service-worker", PASSWORD)
                .postForEntity(
                        "/api/cases/" + caseId + "/access-requests",
                        new HttpEntity<>("{\"reason\": \"Return home interview booked for this child\"}", headers),
                        String.class);
        assertThat(asked.getStatusCode().value()).isEqualTo(201);
        long requestId = json.readTree(asked.getBody()).get("id").asLong();

        assertThat(http.withBasicAuth("rhi-service-manager", PASSWORD)
                        .postForEntity(
                                "/api/cases/" + caseId + "/access-requests/" + requestId + "/grant", null, String.class)
                        .getStatusCode()
                        .value())
                .as("a manager of an agency not involved cannot grant")
                .isEqualTo(403);
        assertThat(http.withBasicAuth("mash-manager", PASSWORD)
                        .postForEntity(
                                "/api/cases/" + caseId + "/access-requests/" + requestId + "/grant", null, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertThat(http.withBasicAuth("rhi-service-worker", PASSWORD)
                        .getForEntity("/api/cases/" + caseId, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(audit.ofCase(caseId))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("ACCESS_REQUESTED");
                    assertThat(e.reason()).isEqualTo("Return home interview booked for this child");
                })
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("ACCESS_GRANTED");
                    assertThat(e.userId()).isEqualTo("mash-manager");
                });
    }
}
