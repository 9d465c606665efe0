package uk.pathways.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;

/** POST /api/referrals and GET /api/cases/{caseId} as a partner system uses them (contract section 6). */
@PathwaysTest
@AutoConfigureMockMvc
class ReferralApiTest {

    private static final String PASSWORD = "Demo!Password1";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    private static int children;
    private static final String RUN = Integer.toString(new java.security.SecureRandom().nextInt(1 << 30), 26)
            .replaceAll("[0-9]", "x");

    private ObjectNode validBody() {
        children++;
        ObjectNode body = json.createObjectNode();
        ObjectNode child = body.putObject("child");
        child.put("firstName", "Kit");
        child.put("lastName", "Apitest" + RUN + (char) ('a' + children % 26) + (char) ('a' + children / 26));
        child.put("dateOfBirth", Now.today().minusYears(14).toString());
        child.put("gender", "MALE");
        child.put("ethnicity", "WHITE_BRITISH");
        child.put("district", "Kettering");
        child.put("lookedAfter", false);
        ObjectNode referrer = body.putObject("referrer");
        referrer.put("agency", "health");
        referrer.put("name", "Dana Example");
        referrer.put("email", "dana.example@health.example");
        body.put("concerns", "Synthetic concern: seen late at night with unknown adults");
        body.putArray("indicators").add("UNKNOWN_VEHICLES").add("MISSING_OR_ABSENT");
        return body;
    }

    private MvcResult postReferral(JsonNode body, String user) throws Exception {
        return mvc.perform(post("/api/referrals")
                        .with(httpBasic(user, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn();
    }

    @Test
    void aReferralIsAcceptedWith201AndTheCaseViewShowsScreeningForMash() throws Exception {
        MvcResult result = postReferral(validBody(), "health-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode answer = json.readTree(result.getResponse().getContentAsString());
        String caseId = answer.get("caseId").asText();
        assertThat(answer.get("reference").asText()).matches("REF-\\d{4}-\\d{6}");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(answer.get("processInstanceId").asText())
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo(answer.get("reference").asText());

        JsonNode view = json.readTree(mvc.perform(get("/api/cases/" + caseId).with(httpBasic("mash-worker", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(view.get("caseId").asText()).isEqualTo(caseId);
        assertThat(view.get("child").get("district").asText()).isEqualTo("Kettering");
        assertThat(view.get("stage").asText()).isEqualTo("SCREENING");
        JsonNode task = view.get("openTasks").get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("screening");
        assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("mash");
        assertThat(task.get("due").asText()).isNotBlank();
        assertThat(task.get("escalated").asBoolean()).isFalse();
        assertThat(view.get("referrals").get(0).get("reference").asText())
                .isEqualTo(answer.get("reference").asText());
        assertThat(view.get("chronology").size()).isGreaterThanOrEqualTo(2);
        assertThat(view.has("missingEpisodes")).isTrue();
    }

    @Test
    void aSecondReferralForTheSameChildJoinsTheCase() throws Exception {
        ObjectNode body = validBody();
        String first = json.readTree(
                        postReferral(body, "health-worker").getResponse().getContentAsString())
                .get("caseId")
                .asText();
        ((ObjectNode) body.get("referrer")).put("agency", "police");

        MvcResult second = postReferral(body, "police-worker");

        assertThat(second.getResponse().getStatus()).isEqualTo(201);
        assertThat(json.readTree(second.getResponse().getContentAsString())
                        .get("caseId")
                        .asText())
                .isEqualTo(first);
        // contract section 8: joining a case by referring does not make the police involved in it
        MvcResult refused = mvc.perform(get("/api/cases/" + first).with(httpBasic("police-worker", PASSWORD)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        JsonNode problem = json.readTree(refused.getResponse().getContentAsString());
        assertThat(problem.path("leadAgency").asText()).isEqualTo("mash");
        assertThat(problem.path("involvedAgencies").toString())
                .contains("health", "mash")
                .doesNotContain("police");
        JsonNode view = json.readTree(mvc.perform(get("/api/cases/" + first).with(httpBasic("health-worker", PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(view.get("referrals").size()).isEqualTo(2);
        assertThat(view.get("openTasks").size()).isEqualTo(2);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("child.firstName", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("child")).remove("firstName")),
                Arguments.of("child.lastName", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("child")).put("lastName", "x".repeat(101))),
                Arguments.of("child.dateOfBirth", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("child")).put("dateOfBirth", "2015-02-30")),
                Arguments.of("child.dateOfBirth", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("child"))
                                .put("dateOfBirth", Now.today().minusYears(18).toString())),
                Arguments.of("child.gender", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("child")).put("gender", "UNKNOWN_CODE")),
                Arguments.of("child.district", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("child")).put("district", "Atlantis")),
                Arguments.of("child.lookedAfter", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("child")).put("lookedAfter", "perhaps")),
                Arguments.of("referrer.agency", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("referrer")).put("agency", "social-care")),
                Arguments.of("referrer.email", (java.util.function.Consumer<ObjectNode>)
                        b -> ((ObjectNode) b.get("referrer")).put("email", "not-an-email")),
                Arguments.of("concerns", (java.util.function.Consumer<ObjectNode>) b -> b.remove("concerns")),
                Arguments.of("indicators", (java.util.function.Consumer<ObjectNode>)
                        b -> b.putArray("indicators").add("NOT_AN_INDICATOR")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void badInputIs400NamingTheFieldAndCreatesNothing(String field, java.util.function.Consumer<ObjectNode> spoil)
            throws Exception {
        ObjectNode body = validBody();
        spoil.accept(body);
        long cases = count("pw_case");
        long referrals = count("pw_referral");
        long instances = runtimeService.createProcessInstanceQuery().count();

        MvcResult result = postReferral(body, "health-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("field").asText())
                .containsExactly(field);
        assertThat(count("pw_case")).isEqualTo(cases);
        assertThat(count("pw_referral")).isEqualTo(referrals);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void notJsonIs400() throws Exception {
        mvc.perform(post("/api/referrals")
                        .with(httpBasic("health-worker", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"child\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void withoutCredentialsEveryApiCallIs401() throws Exception {
        mvc.perform(post("/api/referrals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(validBody())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cases/CASE-2026-000001")).andExpect(status().isUnauthorized());
        // a wrong password for a made-up user: a demo user would be locked out for a while by Camunda's login
        // throttling
        mvc.perform(get("/api/cases/CASE-2026-000001").with(httpBasic("no-such-user", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anAgencyOutsideTheCaseGets403AndAnUnknownCase404() throws Exception {
        String caseId = json.readTree(
                        postReferral(validBody(), "health-worker").getResponse().getContentAsString())
                .get("caseId")
                .asText();

        mvc.perform(get("/api/cases/" + caseId).with(httpBasic("rhi-service-worker", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Apitest"))));
        mvc.perform(get("/api/cases/" + caseId).with(httpBasic("health-manager", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/cases/CASE-1999-999999").with(httpBasic("mash-worker", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
