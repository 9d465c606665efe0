package uk.pathways.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.missing.process.MissingEpisodeProcess;
import uk.pathways.support.Pathway;

/** {@code /api/missing-episodes} as the police and the missing co-ordinator use it (contract section 6). */
@PathwaysTest
@AutoConfigureMockMvc
class MissingEpisodeApiTest {

    private static final String PASSWORD = "Demo!Password1";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MissingWalk walk;

    @Autowired
    Pathway pathway;

    @Autowired
    RuntimeService runtimeService;

    java.util.Set<String> running;

    @org.junit.jupiter.api.BeforeEach
    void noteWhatRuns() {
        running = walk.running();
    }

    @org.junit.jupiter.api.AfterEach
    void deleteWhatTheTestStarted() {
        walk.deleteStartedSince(running);
    }

    private ObjectNode validBody() {
        ObjectNode body = json.createObjectNode();
        var child = Pathway.child(14);
        ObjectNode c = body.putObject("child");
        c.put("firstName", child.firstName());
        c.put("lastName", child.lastName());
        c.put("dateOfBirth", child.dateOfBirth().toString());
        c.put("gender", "FEMALE");
        c.put("district", "Wellingborough");
        body.put("missingSince", Now.instant().minus(Duration.ofHours(3)).toString());
        body.put("policeReference", MissingWalk.policeReference());
        body.put("policeRisk", "MEDIUM");
        body.put("episodeType", "MISSING_FROM_HOME");
        return body;
    }

    private MvcResult post(String path, JsonNode body, String user) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (user != null) {
            request.with(httpBasic(user, PASSWORD));
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult get(String path, String user) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
        if (user != null) {
            request.with(httpBasic(user, PASSWORD));
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode reported() throws Exception {
        MvcResult result = post("/api/missing-episodes", validBody(), "police-worker");
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        return body(result);
    }

    private static ObjectNode returnAt(ObjectMapper json, Instant at) {
        return json.createObjectNode().put("returnedAt", at.toString());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    // ---- report ----

    @Test
    void aReportIsAcceptedWith201AndTheEpisodeJoinsTheCaseView() throws Exception {
        MvcResult result = post("/api/missing-episodes", validBody(), "police-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode answer = body(result);
        String reference = answer.get("reference").asText();
        String caseId = answer.get("caseId").asText();
        assertThat(reference).matches("MIS-\\d{4}-\\d{6}");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/missing-episodes/" + reference);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(answer.get("processInstanceId").asText())
                        .processDefinitionKey(MissingEpisodeProcess.KEY)
                        .processInstanceBusinessKey(reference)
                        .count())
                .isEqualTo(1);

        JsonNode episode = body(get("/api/missing-episodes/" + reference, "police-worker"));
        assertThat(episode.get("status").asText()).isEqualTo("MISSING");
        assertThat(episode.get("policeRisk").asText()).isEqualTo("MEDIUM");
        assertThat(episode.get("reportedBy").asText()).isEqualTo("police-worker");

        JsonNode view = body(get("/api/cases/" + caseId, "childrens-services-worker"));
        assertThat(view.get("missingEpisodes")).hasSize(1);
        assertThat(view.get("missingEpisodes").get(0).get("reference").asText()).isEqualTo(reference);
        assertThat(view.get("stage").asText()).isEqualTo("MISSING");
    }

    @Test
    void aReportByCaseIdJoinsThatCase() throws Exception {
        JsonNode first = reported();
        ObjectNode second = validBody();
        second.remove("child");
        second.put("caseId", first.get("caseId").asText());

        MvcResult result = post("/api/missing-episodes", second, "police-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(body(result).get("caseId").asText())
                .isEqualTo(first.get("caseId").asText());
        assertThat(walk.episodes().ofCase(first.get("caseId").asText())).hasSize(2);
    }

    @Test
    void theSameReportTwiceIsAConflict() throws Exception {
        ObjectNode body = validBody();
        assertThat(post("/api/missing-episodes", body, "police-worker")
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        int episodes = walk.count("pw_missing_episode");

        MvcResult again = post("/api/missing-episodes", body, "police-worker");

        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(walk.count("pw_missing_episode")).isEqualTo(episodes);
    }

    @Test
    void aReportOfAChildAlreadyBackStartsTheInterviewAtOnce() throws Exception {
        ObjectNode body = validBody();
        body.put("returnedAt", Now.instant().minus(Duration.ofHours(1)).toString());

        JsonNode answer = body(post("/api/missing-episodes", body, "police-worker"));

        String caseId = answer.get("caseId").asText();
        assertThat(pathway.openTaskKeys(caseId)).containsExactly("return-home-interview");
        assertThat(walk.episode(answer.get("reference").asText()).status()).isEqualTo(MissingEpisode.RETURNED);
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                Arguments.of("no child and no case", (Consumer<ObjectNode>) b -> b.remove("child"), List.of("child")),
                Arguments.of(
                        "both child and case",
                        (Consumer<ObjectNode>) b -> b.put("caseId", "CASE-2026-000001"),
                        List.of("caseId")),
                Arguments.of(
                        "an unknown case",
                        (Consumer<ObjectNode>) b -> {
                            b.remove("child");
                            b.put("caseId", "CASE-1999-999999");
                        },
                        List.of("caseId")),
                Arguments.of(
                        "no first name",
                        (Consumer<ObjectNode>) b -> ((ObjectNode) b.get("child")).remove("firstName"),
                        List.of("child.firstName")),
                Arguments.of(
                        "a birth date in the future",
                        (Consumer<ObjectNode>) b -> ((ObjectNode) b.get("child"))
                                .put("dateOfBirth", Now.today().plusDays(3).toString()),
                        List.of("child.dateOfBirth")),
                Arguments.of(
                        "no time last seen",
                        (Consumer<ObjectNode>) b -> b.remove("missingSince"),
                        List.of("missingSince")),
                Arguments.of(
                        "a time last seen without an offset",
                        (Consumer<ObjectNode>) b -> b.put("missingSince", "2026-11-18 21:00"),
                        List.of("missingSince")),
                Arguments.of(
                        "a time last seen in the future",
                        (Consumer<ObjectNode>) b -> b.put(
                                "missingSince",
                                Now.instant().plus(Duration.ofHours(2)).toString()),
                        List.of("missingSince")),
                Arguments.of(
                        "no police reference",
                        (Consumer<ObjectNode>) b -> b.remove("policeReference"),
                        List.of("policeReference")),
                Arguments.of(
                        "a police reference with markup",
                        (Consumer<ObjectNode>) b -> b.put("policeReference", "<b>NP1</b>"),
                        List.of("policeReference")),
                Arguments.of(
                        "an unknown police risk",
                        (Consumer<ObjectNode>) b -> b.put("policeRisk", "SEVERE"),
                        List.of("policeRisk")),
                Arguments.of(
                        "no police risk", (Consumer<ObjectNode>) b -> b.remove("policeRisk"), List.of("policeRisk")),
                Arguments.of(
                        "an unknown episode type",
                        (Consumer<ObjectNode>) b -> b.put("episodeType", "RUNAWAY"),
                        List.of("episodeType")),
                Arguments.of(
                        "missing from care without a placing authority",
                        (Consumer<ObjectNode>) b -> b.put("episodeType", "MISSING_FROM_CARE"),
                        List.of("placingAuthority")),
                Arguments.of(
                        "out of area not true or false",
                        (Consumer<ObjectNode>) b -> {
                            b.put("episodeType", "MISSING_FROM_CARE");
                            b.put("placingAuthority", "Leicestershire");
                            b.put("outOfArea", "yes");
                        },
                        List.of("outOfArea")),
                Arguments.of(
                        "out of area for a child at home",
                        (Consumer<ObjectNode>) b -> b.put("outOfArea", true),
                        List.of("outOfArea")),
                Arguments.of(
                        "a return before the time last seen",
                        (Consumer<ObjectNode>) b -> b.put(
                                "returnedAt",
                                Now.instant().minus(Duration.ofHours(5)).toString()),
                        List.of("returnedAt")),
                Arguments.of(
                        "three mistakes at once",
                        (Consumer<ObjectNode>) b -> {
                            b.remove("missingSince");
                            b.put("policeRisk", "SEVERE");
                            b.put("episodeType", "");
                        },
                        List.of("missingSince", "policeRisk", "episodeType")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void aBadReportNamesEachBadFieldAndCreatesNothing(String what, Consumer<ObjectNode> spoil, List<String> badFields)
            throws Exception {
        ObjectNode body = validBody();
        spoil.accept(body);
        int cases = walk.count("pw_case");
        int episodes = walk.count("pw_missing_episode");
        long instances = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(MissingEpisodeProcess.KEY)
                .count();

        MvcResult result = post("/api/missing-episodes", body, "police-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(fields(body(result))).containsExactlyInAnyOrderElementsOf(badFields);
        assertThat(walk.count("pw_case")).isEqualTo(cases);
        assertThat(walk.count("pw_missing_episode")).isEqualTo(episodes);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(MissingEpisodeProcess.KEY)
                        .count())
                .isEqualTo(instances);
    }

    // ---- return ----

    @Test
    void aReturnStartsTheInterviewDue72HoursLater() throws Exception {
        JsonNode report = reported();
        String reference = report.get("reference").asText();
        Instant returnedAt =
                Now.instant().minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        MvcResult result =
                post("/api/missing-episodes/" + reference + "/return", returnAt(json, returnedAt), "police-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode answer = body(result);
        assertThat(answer.get("status").asText()).isEqualTo("RETURNED");
        assertThat(Instant.parse(answer.get("returnedAt").asText())).isEqualTo(returnedAt);
        assertThat(Instant.parse(answer.get("returnHomeInterviewDue").asText()))
                .isEqualTo(returnedAt.plus(Duration.ofHours(72)));
        assertThat(pathway.openTaskKeys(report.get("caseId").asText())).containsExactly("return-home-interview");
    }

    @Test
    void aReturnForAnUnknownEpisodeIs404() throws Exception {
        MvcResult result =
                post("/api/missing-episodes/MIS-1999-999999/return", returnAt(json, Now.instant()), "police-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(get("/api/missing-episodes/MIS-1999-999999", "police-worker")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aSecondReturnForTheSameEpisodeIs409AndChangesNothing() throws Exception {
        JsonNode report = reported();
        String reference = report.get("reference").asText();
        Instant first = Now.instant().minus(Duration.ofHours(1));
        post("/api/missing-episodes/" + reference + "/return", returnAt(json, first), "police-worker");
        MissingEpisode before = walk.episode(reference);

        MvcResult again =
                post("/api/missing-episodes/" + reference + "/return", returnAt(json, Now.instant()), "police-worker");

        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(body(again).get("detail").asText()).contains("already recorded");
        assertThat(walk.episode(reference)).isEqualTo(before);
        assertThat(pathway.tasks(report.get("caseId").asText(), "return-home-interview"))
                .hasSize(1);
    }

    @Test
    void aReturnBeforeTheTimeLastSeenIs400AndChangesNothing() throws Exception {
        JsonNode report = reported();
        String reference = report.get("reference").asText();

        MvcResult result = post(
                "/api/missing-episodes/" + reference + "/return",
                returnAt(json, Now.instant().minus(Duration.ofHours(4))),
                "police-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(result))).containsExactly("returnedAt");
        assertThat(walk.episode(reference).status()).isEqualTo(MissingEpisode.MISSING);
        assertThat(pathway.openTaskKeys(report.get("caseId").asText())).isEmpty();
    }

    @Test
    void aReturnInTheFutureOrWithoutATimeIs400() throws Exception {
        String reference = reported().get("reference").asText();

        MvcResult future = post(
                "/api/missing-episodes/" + reference + "/return",
                returnAt(json, Now.instant().plus(Duration.ofHours(1))),
                "police-worker");
        MvcResult none =
                post("/api/missing-episodes/" + reference + "/return", json.createObjectNode(), "police-worker");

        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(future))).containsExactly("returnedAt");
        assertThat(none.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(none))).containsExactly("returnedAt");
        assertThat(walk.episode(reference).status()).isEqualTo(MissingEpisode.MISSING);
    }

    @Test
    void anAgencyOutsideTheCaseMayNotReportTheReturn() throws Exception {
        String reference = reported().get("reference").asText();

        MvcResult result = post(
                "/api/missing-episodes/" + reference + "/return", returnAt(json, Now.instant()), "education-worker");

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(walk.episode(reference).status()).isEqualTo(MissingEpisode.MISSING);
        assertThat(walk.audited(walk.episode(reference).caseId(), "education-worker"))
                .containsExactly("ACCESS_REFUSED missing episode " + reference);
    }

    // ---- police re-grade ----

    @Test
    void aRegradeToHighCallsTheMeetingAndARegradeAfterTheReturnIs409() throws Exception {
        JsonNode report = reported();
        String reference = report.get("reference").asText();
        String path = "/api/missing-episodes/" + reference + "/risk";

        assertThat(post(path, json.createObjectNode().put("policeRisk", "SEVERE"), "police-worker")
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        MvcResult high = post(path, json.createObjectNode().put("policeRisk", "HIGH"), "police-worker");

        assertThat(high.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(high).get("policeRisk").asText()).isEqualTo("HIGH");
        assertThat(body(high).has("strategyMeetingCalledAt")).isTrue();
        assertThat(pathway.openTaskKeys(report.get("caseId").asText())).containsExactly("schedule-strategy-meeting");

        post("/api/missing-episodes/" + reference + "/return", returnAt(json, Now.instant()), "police-worker");
        MvcResult late = post(path, json.createObjectNode().put("policeRisk", "LOW"), "police-worker");
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(walk.episode(reference).policeRisk()).isEqualTo("HIGH");
        assertThat(post(
                                "/api/missing-episodes/MIS-1999-999999/risk",
                                json.createObjectNode().put("policeRisk", "LOW"),
                                "police-worker")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    // ---- credentials ----

    @Test
    void withoutCredentialsEveryCallIs401() throws Exception {
        String reference = reported().get("reference").asText();

        assertThat(post("/api/missing-episodes", validBody(), null)
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(post("/api/missing-episodes/" + reference + "/return", returnAt(json, Now.instant()), null)
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(get("/api/missing-episodes/" + reference, null).getResponse().getStatus())
                .isEqualTo(401);
        assertThat(get("/api/missing-episodes/export.csv?from=2026-01-01&to=2026-01-31", null)
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        // an unknown user: a real user's wrong password would lock them for a few seconds (Camunda's login throttling)
        MvcResult wrongPassword = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/missing-episodes")
                        .with(httpBasic("no-such-user", "wrong"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(validBody())))
                .andReturn();
        assertThat(wrongPassword.getResponse().getStatus()).isEqualTo(401);
        assertThat(walk.episode(reference).status()).isEqualTo(MissingEpisode.MISSING);
    }

    @Test
    void mashCanReportWithHttpBasic() throws Exception {
        assertThat(post("/api/missing-episodes", validBody(), "mash-worker")
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
    }

    // ---- statutory return ----

    @Test
    void theStatutoryReturnExportsEpisodesLastSeenInTheDateRange() throws Exception {
        ObjectNode inRange = validBody();
        inRange.put("missingSince", "2021-03-10T21:00:00Z");
        inRange.put("episodeType", "MISSING_FROM_CARE");
        inRange.put("placingAuthority", "Leicestershire, Children's Services");
        inRange.put("returnedAt", "2021-03-11T08:30:00Z");
        JsonNode in = body(post("/api/missing-episodes", inRange, "police-worker"));
        pathway.complete(
                in.get("caseId").asText(),
                "return-home-interview",
                "rhi-service-worker",
                Map.of("rhiOffered", true, "rhiAccepted", false, "cseConcern", false));
        ObjectNode lastDay = validBody();
        lastDay.put("missingSince", "2021-03-14T23:30:00Z");
        JsonNode last = body(post("/api/missing-episodes", lastDay, "police-worker"));
        ObjectNode outOfRange = validBody();
        outOfRange.put("missingSince", "2021-03-15T00:00:00Z");
        JsonNode out = body(post("/api/missing-episodes", outOfRange, "police-worker"));

        MvcResult result = get("/api/missing-episodes/export.csv?from=2021-03-10&to=2021-03-14", "performance-reader");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"missing-episodes-2021-03-10-to-2021-03-14.csv\"");
        List<String> lines = result.getResponse().getContentAsString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(StatutoryReturn.HEADER);
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith(
                                in.get("reference").asText() + ","
                                        + in.get("caseId").asText()
                                        + ",2021-03-10T21:00:00Z,2021-03-11T08:30:00Z,MISSING_FROM_CARE,MEDIUM,\"Leicestershire, Children's Services\",false,true,false,")
                        .endsWith(",CLOSED"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith(last.get("reference").asText() + ",")
                        .contains(",2021-03-14T23:30:00Z,,MISSING_FROM_HOME,MEDIUM,,false,,,,MISSING"));
        assertThat(lines)
                .noneSatisfy(l -> assertThat(l).startsWith(out.get("reference").asText()));
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Testchild");
        assertThat(walk.audited(in.get("caseId").asText(), "performance-reader"))
                .anySatisfy(
                        what -> assertThat(what).isEqualTo("READ statutory-return export 2021-03-10 to 2021-03-14"));
    }

    @Test
    void theExportNeedsAGoodDateRangeAndIsForTheCoordinatorAndPerformanceReaders() throws Exception {
        MvcResult bad =
                get("/api/missing-episodes/export.csv?from=2021-02-30&to=2021-01-01", "missing-coordinator-worker");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(bad))).containsExactly("from");
        MvcResult backwards =
                get("/api/missing-episodes/export.csv?from=2021-02-01&to=2021-01-01", "missing-coordinator-worker");
        assertThat(fields(body(backwards))).containsExactly("to");
        MvcResult none = get("/api/missing-episodes/export.csv", "missing-coordinator-worker");
        assertThat(fields(body(none))).containsExactly("from", "to");

        assertThat(bad.getResponse().getContentType()).isEqualTo("application/problem+json");
        MvcResult mash = get("/api/missing-episodes/export.csv?from=2021-01-01&to=2021-01-31", "mash-worker");
        assertThat(mash.getResponse().getStatus()).isEqualTo(403);
        assertThat(mash.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(get("/api/missing-episodes/export.csv?from=2021-01-01&to=2021-01-31", "missing-coordinator-worker")
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
