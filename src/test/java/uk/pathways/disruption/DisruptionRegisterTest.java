package uk.pathways.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The disruption register through {@code /api/disruptions}: the police record an entry on a subject of concern for a
 * child's case, add breaches and read it back with who recorded what; bad input is 400 naming each field and records
 * nothing; nobody but the police reads an entry (a police-only subject's or not), and every read is audited.
 */
@PathwaysTest
@AutoConfigureMockMvc
class DisruptionRegisterTest {

    private static final String PASSWORD = "Demo!Password1";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pathway pathway;

    @Test
    void thePoliceRecordAnEntryAddBreachesAndReadItBackWithWhoRecordedWhat() throws Exception {
        ReferralAccepted referral = pathway.refer(14, List.of());
        String subject = Subjects.person(jdbc, "Synthetic Person Alpha");
        LocalDate served = Now.today().minusDays(10);
        ObjectNode body =
                entry("CAWN", subject, served.toString(), served.plusYears(2).toString());
        body.putArray("caseIds").add(referral.caseId());

        MvcResult recorded = post("/api/disruptions", body, "police-worker");
        assertThat(recorded.getResponse().getStatus()).isEqualTo(201);
        JsonNode entry = body(recorded);
        String id = entry.path("id").asText();
        assertThat(id).matches("DIS-\\d{4}-\\d{6}");
        assertThat(recorded.getResponse().getHeader("Location")).isEqualTo("/api/disruptions/" + id);
        assertThat(entry.path("tacticWording").asText()).isEqualTo("Child abduction warning notice");
        assertThat(entry.path("district").asText())
                .as("the subject's district by default")
                .isEqualTo("Corby");
        assertThat(entry.path("reviewOn").asText())
                .as("reviewed the tactic's review period (3 months) after serving")
                .isEqualTo(served.plusMonths(3).toString());
        assertThat(entry.path("inForce").asBoolean()).isTrue();

        ObjectNode breach = json.createObjectNode();
        breach.put("breachedOn", Now.today().minusDays(2).toString());
        breach.put("note", "Seen with the child outside the school gates (synthetic)");
        assertThat(post("/api/disruptions/" + id + "/breaches", breach, "police-manager")
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);

        MvcResult read = get("/api/disruptions/" + id, "police-worker");
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        JsonNode back = body(read);
        assertThat(back.path("subjectLabel").asText()).isEqualTo("Synthetic Person Alpha");
        assertThat(back.path("subjectPoliceOnly").asBoolean()).isTrue();
        assertThat(back.path("caseIds").get(0).asText()).isEqualTo(referral.caseId());
        assertThat(back.path("servedBy").asText()).isEqualTo("police");
        assertThat(back.path("recordedBy").asText()).isEqualTo("police-worker");
        assertThat(back.path("breaches")).hasSize(1);
        assertThat(back.path("breaches").get(0).path("note").asText())
                .isEqualTo("Seen with the child outside the school gates (synthetic)");
        assertThat(back.path("breaches").get(0).path("recordedBy").asText()).isEqualTo("police-manager");

        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where user_id = 'police-worker' and action = 'READ' and case_id = ?"
                                + " and resource = ?",
                        Integer.class,
                        referral.caseId(),
                        "disruption " + id))
                .as("the read is on the protected case's audit trail")
                .isEqualTo(1);

        MvcResult listed = get("/api/disruptions?inForce=true", "police-worker");
        assertThat(listed.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(listed).findValuesAsText("id")).contains(id);
    }

    @Test
    void onlyThePoliceReadTheRegisterWhateverTheSubject() throws Exception {
        String person = Subjects.person(jdbc, "Synthetic Person Bravo");
        String hotel = Subjects.location(jdbc, "Synthetic Hotel Charlie", "Kettering");
        String onPerson = recorded(entry(
                "SRO", person, Now.today().toString(), Now.today().plusYears(2).toString()));
        String onHotel = recorded(entry("HOTELS", hotel, Now.today().toString(), null));

        for (String user :
                List.of("childrens-services-worker", "health-manager", "mash-worker", "performance-reader")) {
            for (String id : List.of(onPerson, onHotel)) {
                MvcResult refused = get("/api/disruptions/" + id, user);
                assertThat(refused.getResponse().getStatus())
                        .as(user + " reads " + id)
                        .isEqualTo(403);
                assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
                assertThat(refused.getResponse().getContentAsString()).doesNotContain("Synthetic");
            }
            assertThat(get("/api/disruptions", user).getResponse().getStatus()).isEqualTo(403);
            ObjectNode breach = json.createObjectNode();
            breach.put("breachedOn", Now.today().toString());
            breach.put("note", "Synthetic");
            assertThat(post("/api/disruptions/" + onHotel + "/breaches", breach, user)
                            .getResponse()
                            .getStatus())
                    .isEqualTo(403);
            assertThat(post(
                                    "/api/disruptions",
                                    entry("HOTELS", hotel, Now.today().toString(), null),
                                    user)
                            .getResponse()
                            .getStatus())
                    .isEqualTo(403);
        }
        assertThat(get("/api/disruptions/" + onHotel, "police-manager")
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(get("/api/disruptions/" + onPerson, null).getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndRecordsNothing() throws Exception {
        String subject = Subjects.person(jdbc, "Synthetic Person Delta");
        Integer before = jdbc.queryForObject("select count(*) from pw_disruption", Integer.class);

        ObjectNode bad =
                entry("NOT_A_TACTIC", "SUB-999999", Now.today().plusDays(3).toString(), null);
        bad.putArray("caseIds").add("CASE-1999-000001");
        MvcResult refused = post("/api/disruptions", bad, "police-worker");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(refused).path("errors").findValuesAsText("field"))
                .contains("tactic", "subjectId", "caseIds[0]", "servedOn");

        MvcResult noExpiry =
                post("/api/disruptions", entry("SHPO", subject, Now.today().toString(), null), "police-worker");
        assertThat(noExpiry.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noExpiry).path("errors").findValuesAsText("field")).containsExactly("expiresOn");

        MvcResult early = post(
                "/api/disruptions",
                entry(
                        "SHPO",
                        subject,
                        Now.today().toString(),
                        Now.today().minusDays(1).toString()),
                "police-worker");
        assertThat(body(early).path("errors").findValuesAsText("field")).containsExactly("expiresOn");

        ObjectNode wrongType = entry("OTHER", subject, Now.today().toString(), null);
        wrongType.put("servedOn", 20261101);
        assertThat(body(post("/api/disruptions", wrongType, "police-worker"))
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("servedOn");

        assertThat(jdbc.queryForObject("select count(*) from pw_disruption", Integer.class))
                .isEqualTo(before);

        String id = recorded(entry("OTHER", subject, Now.today().minusDays(5).toString(), null));
        ObjectNode breach = json.createObjectNode();
        breach.put("breachedOn", Now.today().minusDays(6).toString());
        MvcResult badBreach = post("/api/disruptions/" + id + "/breaches", breach, "police-worker");
        assertThat(badBreach.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badBreach).path("errors").findValuesAsText("field")).containsExactly("breachedOn", "note");
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_disruption_breach where disruption_id = ?", Integer.class, id))
                .isZero();

        ObjectNode outcome = json.createObjectNode();
        outcome.put("outcome", "FORGOTTEN");
        outcome.put("outcomeOn", Now.today().toString());
        assertThat(body(post("/api/disruptions/" + id + "/outcome", outcome, "police-worker"))
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("outcome");
        assertThat(get("/api/disruptions/DIS-1999-000001", "police-worker")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Autowired
    Disruptions disruptions;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    private <T> T asUser(String user, java.util.function.Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void theEntrysTasksAreThePolicesInsideTheEngineToo() throws Exception {
        String subject = Subjects.person(jdbc, "Synthetic Person Lima");
        String id = recorded(entry(
                "CAWN",
                subject,
                Now.today().minusMonths(3).minusDays(1).toString(),
                Now.today().plusYears(1).toString()));
        String instance = disruptions.find(id).orElseThrow().processInstanceId();
        assertThat(pathway.fireDueClocks(instance))
                .as("the review day has come")
                .isEqualTo(1);

        String taskId = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        // the engine's own checks, which the Tasklist, /engine-rest and the webapps' API all go through
        assertThat(asUser(
                        "police-worker",
                        () -> taskService.createTaskQuery().taskId(taskId).count()))
                .isEqualTo(1);
        for (String user : List.of("childrens-services-worker", "health-manager", "performance-reader")) {
            assertThat(asUser(
                            user,
                            () -> taskService.createTaskQuery().taskId(taskId).count()))
                    .as(user + " sees the police's task")
                    .isZero();
            assertThat(asUser(user, () -> {
                        try {
                            taskService.complete(taskId, java.util.Map.of("stillNeeded", "NO", "outcome", "COMPLIED"));
                            return "completed";
                        } catch (RuntimeException refused) {
                            return "refused";
                        }
                    }))
                    .as(user + " completes the police's task")
                    .isEqualTo("refused");
            assertThat(asUser(
                            user,
                            () -> runtimeService
                                    .createVariableInstanceQuery()
                                    .processInstanceIdIn(instance)
                                    .count()))
                    .as(user + " reads the entry's process variables")
                    .isZero();
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).count())
                .as("still open")
                .isEqualTo(1);
        assertThat(disruptions.find(id).orElseThrow().inForce()).isTrue();
        asUser("police-worker", () -> {
            taskService.claim(taskId, "police-worker");
            taskService.complete(taskId, java.util.Map.of("stillNeeded", "NO", "outcome", "COMPLIED"));
            return null;
        });
        assertThat(disruptions.find(id).orElseThrow().outcome())
                .as("the same completion by the police ends the entry")
                .isEqualTo(Disruption.COMPLIED);
    }

    private String recorded(ObjectNode body) throws Exception {
        MvcResult result = post("/api/disruptions", body, "police-worker");
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(201);
        return body(result).path("id").asText();
    }

    ObjectNode entry(String tactic, String subject, String servedOn, String expiresOn) {
        ObjectNode body = json.createObjectNode();
        body.put("tactic", tactic);
        body.put("subjectId", subject);
        body.put("servedBy", "police");
        body.put("servedOn", servedOn);
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn);
        }
        return body;
    }

    private MvcResult post(String path, JsonNode body, String user) throws Exception {
        var request = MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (user != null) {
            request.with(httpBasic(user, PASSWORD));
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult get(String path, String user) throws Exception {
        var request = MockMvcRequestBuilders.get(path);
        if (user != null) {
            request.with(httpBasic(user, PASSWORD));
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
