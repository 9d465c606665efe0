package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.DecisionRecord;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.investigation.Investigations;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * Issue 17's rules at every door that completes a task (the engine REST API's {@code complete} and
 * {@code submit-form}, the Tasklist's own engine API, the Java API), with a real engine on a real port: the screening's
 * type of exploitation (required with the form, one of its three values; the contract's section 5 completion still
 * completes alone), and the no-further-action review (its candidates only, its form's fields only, a theme and the
 * summary required, its words kept out of the engine).
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class InvestigationDoorsTest {

    enum Door {
        COMPLETE,
        SUBMIT_FORM,
        WEBAPP,
        JAVA
    }

    static final String SCREENED = """
            {"indicators": {"value": "[\\"OLDER_PARTNER\\", \\"COUNTY_LINES\\"]", "type": "Json"},
             "disclosure": {"value": false}, "learningDisability": {"value": false},
             "screeningNotes": {"value": "Synthetic notes"}%s}""";

    @LocalServerPort
    int port;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    IdentityService identityService;

    @Autowired
    HistoryService historyService;

    @Autowired
    CaseFile caseFile;

    @Autowired
    Investigations investigations;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theScreeningFormNeedsTheTypeOfExploitationAtEveryDoor(Door door) {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));
        Task screening = pathway.task(referral.caseId(), "screening");

        Doors.Answer missing = complete(door, screening.getId(), "mash-worker", SCREENED.formatted(""));
        assertThat(fieldsNamed(missing)).containsExactly("exploitationType");
        Doors.Answer unknown = complete(
                door,
                screening.getId(),
                "mash-worker",
                SCREENED.formatted(", \"exploitationType\": {\"value\": \"TRAFFICKING\"}"));
        assertThat(fieldsNamed(unknown)).containsExactly("exploitationType");
        assertThat(pathway.tasks(referral.caseId(), "screening"))
                .as("nothing changed")
                .hasSize(1);
        assertThat(caseFile.decisions(referral.caseId())).isEmpty();

        Doors.Answer done = complete(
                door,
                screening.getId(),
                "mash-worker",
                SCREENED.formatted(", \"exploitationType\": {\"value\": \"BOTH\"}"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(caseFile.find(referral.caseId()).orElseThrow().exploitationType())
                .isEqualTo("BOTH");
        DecisionRecord decision = caseFile.decisions(referral.caseId()).get(0);
        assertThat(decision.exploitationType()).isEqualTo("BOTH");
        assertThat(decision.screeningScore())
                .as("the criminal indicator weighs nothing: OLDER_PARTNER alone")
                .isEqualTo(4);
        JsonNode view = doors().basic("mash-worker", "GET", "/api/cases/" + referral.caseId(), null)
                .json();
        assertThat(view.path("exploitationType").asText()).isEqualTo("BOTH");
        assertThat(view.path("decisions").get(0).path("exploitationType").asText())
                .isEqualTo("BOTH");
    }

    @Test
    void thePartnerSystemsContractCompletionStillCompletesTheScreeningAlone() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");

        Doors.Answer contract = complete(Door.COMPLETE, screening.getId(), "mash-worker", """
                {"indicators": {"value": "[\\"OLDER_PARTNER\\"]", "type": "Json"},
                 "disclosure": {"value": true}, "learningDisability": {"value": false}}""");

        assertThat(contract.status()).as(contract.body()).isEqualTo(204);
        assertThat(caseFile.find(referral.caseId()).orElseThrow().exploitationType())
                .as("not recorded: the case page says so")
                .isNull();
        assertThat(caseFile.find(referral.caseId()).orElseThrow().pathway()).isEqualTo("URGENT_STRATEGY_MEETING");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theReviewCompletesAtEveryDoorWithItsFormsFieldsOnlyAndItsWordsStayOutOfTheEngine(Door door) {
        String caseId = concludedWithNoFurtherAction();
        Task review = pathway.task(caseId, "investigation-review");
        String change = "Synthetic change " + UUID.randomUUID();

        if (door != Door.JAVA) {
            Doors.Answer stranger = complete(door, review.getId(), "health-worker", learning(change, ""));
            assertThat(stranger.status())
                    .as("health is no candidate: %s", stranger.body())
                    .isBetween(400, 404);
        }
        Doors.Answer owned = complete(
                door, review.getId(), "rise-worker", learning(change, ", \"riskLevel\": {\"value\": \"LOW\"}"));
        assertThat(fieldsNamed(owned)).containsExactly("riskLevel");
        Doors.Answer noTheme = complete(
                door,
                review.getId(),
                "rise-worker",
                learning(change, "").replace("[\\\"TIMELINESS\\\", \\\"DISRUPTION\\\"]", "[]"));
        assertThat(fieldsNamed(noTheme)).containsExactly("learningThemes");
        Doors.Answer noSummary = complete(door, review.getId(), "rise-worker", """
                {"learningThemes": {"value": "[\\"TIMELINESS\\"]", "type": "Json"},
                 "toChange": {"value": "Synthetic"}}""");
        assertThat(fieldsNamed(noSummary)).containsExactly("shareableSummary");
        assertThat(pathway.tasks(caseId, "investigation-review"))
                .as("nothing changed")
                .hasSize(1);

        Doors.Answer done = complete(door, review.getId(), "rise-worker", learning(change, ""));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(pathway.tasks(caseId, "investigation-review")).isEmpty();
        assertThat(investigations.ofCase(caseId)).singleElement().satisfies(o -> {
            assertThat(o.reviewState()).isEqualTo(Investigations.REVIEW_DONE);
            assertThat(o.learningThemes()).containsExactly("TIMELINESS", "DISRUPTION");
            assertThat(o.shareableSummary()).isEqualTo("Synthetic summary to share");
            assertThat(o.reviewedBy()).isEqualTo("rise-worker");
        });
        assertThat(caseFile.allEntries(caseId))
                .anySatisfy(e -> assertThat(e.content()).contains(change));
        assertThat(historyService.createHistoricVariableInstanceQuery().list())
                .noneMatch(v -> String.valueOf(v.getValue()).contains(change));
        assertThat(historyService.createHistoricDetailQuery().list())
                .noneMatch(d -> String.valueOf(d).contains(change));
    }

    private static String learning(String change, String more) {
        return """
                {"learningThemes": {"value": "[\\"TIMELINESS\\", \\"DISRUPTION\\"]", "type": "Json"},
                 "wentWell": {"value": "Synthetic: joint visits"}, "toChange": {"value": "%s"},
                 "shareableSummary": {"value": "Synthetic summary to share"}%s}""".formatted(change, more);
    }

    private String concludedWithNoFurtherAction() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Now.instant().plus(Duration.ofHours(20)).toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"));
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of("riseAccepted", true, "section47", false, "policeInvestigation", true));
        pathway.complete(
                caseId,
                "police-investigation",
                "police-worker",
                Map.of(
                        "investigationUpdate",
                        "Synthetic update",
                        "investigationConcluded",
                        true,
                        "investigationOutcome",
                        "NO_FURTHER_ACTION",
                        "nfaReason",
                        "SUSPECT_NOT_IDENTIFIED"));
        return caseId;
    }

    // ---- the doors (as WallsTest reaches them) ----

    private Doors doors() {
        return new Doors(port);
    }

    private Doors.Answer complete(Door door, String taskId, String user, String variablesJson) {
        String body = "{\"variables\": " + variablesJson + "}";
        return switch (door) {
            case COMPLETE -> doors().basic(user, "POST", "/engine-rest/task/" + taskId + "/complete", body);
            case SUBMIT_FORM -> doors().basic(user, "POST", "/engine-rest/task/" + taskId + "/submit-form", body);
            case WEBAPP ->
                doors().webapp(user, "tasklist")
                        .call("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", body);
            case JAVA -> java(taskId, user, variablesJson);
        };
    }

    /** The Java API, as Pathways' own pages call it: 204 when it completed, 400 with the gate's fields when refused. */
    private Doors.Answer java(String taskId, String user, String variablesJson) {
        JsonNode variables = readTree(variablesJson);
        Map<String, Object> values = new LinkedHashMap<>();
        variables.fields().forEachRemaining(f -> {
            JsonNode value = f.getValue().path("value");
            Object plain = value.isBoolean()
                    ? (Object) value.booleanValue()
                    : value.isNumber() ? value.numberValue() : value.isTextual() ? value.textValue() : null;
            if ("Json".equals(f.getValue().path("type").asText())) {
                plain = Doors.JSON.convertValue(readTree(value.asText()), Object.class);
            }
            values.put(f.getKey(), plain);
        });
        identityService.setAuthentication(user, groups(user));
        try {
            if (taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee() == null) {
                taskService.claim(taskId, user);
            }
            formService.submitTaskForm(taskId, values);
            return new Doors.Answer(204, "", "");
        } catch (TaskInputRefused refused) {
            StringBuilder fields = new StringBuilder("{\"errors\": [");
            refused.problems()
                    .forEach(p ->
                            fields.append("{\"field\": \"").append(p.field()).append("\"},"));
            return new Doors.Answer(400, fields.substring(0, fields.length() - 1) + "]}", "application/problem+json");
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return Doors.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> groups(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
    }

    private static List<String> fieldsNamed(Doors.Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
