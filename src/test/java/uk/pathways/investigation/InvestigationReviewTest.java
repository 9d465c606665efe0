package uk.pathways.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Clocks;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * A police investigation that ends with no further action (H2, the real engine): the reason is required and kept
 * with the outcome; a review task for the police and the RISE team starts, with the investigation beside its form and a
 * clock that escalates to the police's managers; the learning it records is read back on the case page and
 * {@code GET /api/cases/{id}}, its words in the case record and never in the engine. A charge, a caution or disruption
 * only records the outcome and starts no review; the police track ends as before either way.
 */
@PathwaysTest
class InvestigationReviewTest {

    static final String REVIEW = "investigation-review";
    static final String INVESTIGATION = "police-investigation";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    Investigations investigations;

    @Autowired
    Clocks clocks;

    @Autowired
    ObjectMapper json;

    MockMvc mvc;
    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    @BeforeEach
    void pages() {
        mvc = Pages.mvc(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void noFurtherActionStartsAReviewForThePoliceAndRiseThatRecordsTheLearning() throws Exception {
        String caseId = caseInvestigatedByThePolice();
        pathway.complete(
                caseId,
                INVESTIGATION,
                "police-worker",
                Map.of(
                        "investigationUpdate",
                        "Synthetic update: the suspect denied everything",
                        "investigationConcluded",
                        true,
                        "investigationOutcome",
                        "NO_FURTHER_ACTION",
                        "nfaReason",
                        "EVIDENTIAL_DIFFICULTIES",
                        "nfaDetail",
                        "Synthetic detail: the phone evidence was lost"));

        assertThat(pathway.tasks(caseId, INVESTIGATION))
                .as("the police track ended as before")
                .isEmpty();
        Task review = pathway.task(caseId, REVIEW);
        assertThat(review.getName()).isEqualTo("Review the investigation that ended with no further action");
        assertThat(candidates(review)).containsExactlyInAnyOrder("police", "rise");
        assertThat(review.getDueDate())
                .as("due within the investigation-review clock")
                .isCloseTo(clocks.due("investigation-review"), 5_000);
        assertThat(investigations.ofCase(caseId)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo("NO_FURTHER_ACTION");
            assertThat(o.nfaReason()).isEqualTo("EVIDENTIAL_DIFFICULTIES");
            assertThat(o.recordedBy()).isEqualTo("police-worker");
            assertThat(o.reviewState()).isEqualTo(Investigations.REVIEW_OPEN);
            assertThat(o.reviewDue()).isEqualTo(review.getDueDate().toInstant());
        });

        // beside the review's form: the investigation as the police concluded it, for the RISE team too
        String asRise = page("rise-worker", get("/tasks/" + review.getId()));
        assertThat(asRise)
                .contains("From the case record")
                .contains("NO_FURTHER_ACTION")
                .contains("EVIDENTIAL_DIFFICULTIES")
                .contains("name=\"learningThemes\"")
                .contains("name=\"shareableSummary\"");
        String asPolice = page("police-worker", get("/tasks/" + review.getId()));
        assertThat(asPolice)
                .as("the police read their own updates, the detail included")
                .contains("Synthetic detail: the phone evidence was lost");

        // the RISE coordinator records the learning on the page
        MvcResult done = submit(
                "rise-worker",
                post("/tasks/" + review.getId())
                        .param("learningThemes", "EVIDENCE_GATHERING", "VICTIM_SUPPORT")
                        .param("wentWell", "Synthetic: the child trusted her RISE worker throughout")
                        .param("toChange", "Synthetic: secure digital evidence on the first day")
                        .param(
                                "shareableSummary",
                                "Synthetic: digital evidence lost before it was downloaded; download it at once"));
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(pathway.tasks(caseId, REVIEW)).isEmpty();
        assertThat(pathway.openTaskKeys(caseId)).doesNotContain(REVIEW);

        // read back: the case page and the API, for the police and for another agency involved in the case
        JsonNode view = api("rise-worker", caseId);
        JsonNode outcome = view.path("investigations").get(0);
        assertThat(outcome.path("outcome").asText()).isEqualTo("NO_FURTHER_ACTION");
        assertThat(outcome.path("nfaReason").asText()).isEqualTo("EVIDENTIAL_DIFFICULTIES");
        assertThat(outcome.path("reviewState").asText()).isEqualTo("DONE");
        assertThat(outcome.path("reviewedBy").asText()).isEqualTo("rise-worker");
        assertThat(json.convertValue(outcome.path("learningThemes"), List.class))
                .containsExactly("EVIDENCE_GATHERING", "VICTIM_SUPPORT");
        assertThat(outcome.path("shareableSummary").asText())
                .isEqualTo("Synthetic: digital evidence lost before it was downloaded; download it at once");
        JsonNode reviewEntry = entry(view, REVIEW);
        assertThat(reviewEntry.path("fields").path("wentWell").asText())
                .isEqualTo("Synthetic: the child trusted her RISE worker throughout");
        assertThat(reviewEntry.path("fields").path("toChange").asText())
                .isEqualTo("Synthetic: secure digital evidence on the first day");

        String casePage = page("police-worker", get("/cases/" + caseId));
        assertThat(casePage)
                .contains("Police investigations concluded")
                .contains("Evidential difficulties")
                .contains("Evidence gathering, Victim support")
                .contains("Synthetic: digital evidence lost before it was downloaded; download it at once")
                .contains("Synthetic: secure digital evidence on the first day");

        // the words never reached the engine
        assertThat(historyService.createHistoricVariableInstanceQuery().list())
                .noneMatch(v -> String.valueOf(v.getValue()).contains("Synthetic: secure digital evidence"))
                .noneMatch(v -> String.valueOf(v.getValue()).contains("the phone evidence was lost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHARGED", "CAUTIONED", "DISRUPTION_ONLY"})
    void aChargeACautionOrDisruptionRecordsTheOutcomeAndStartsNoReview(String outcome) throws Exception {
        String caseId = caseInvestigatedByThePolice();
        pathway.complete(
                caseId,
                INVESTIGATION,
                "police-worker",
                Map.of(
                        "investigationUpdate",
                        "Synthetic update",
                        "investigationConcluded",
                        true,
                        "investigationOutcome",
                        outcome,
                        "nfaReason",
                        "OTHER"));

        assertThat(pathway.tasks(caseId, REVIEW)).isEmpty();
        assertThat(pathway.tasks(caseId, INVESTIGATION)).isEmpty();
        assertThat(investigations.ofCase(caseId)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(outcome);
            assertThat(o.nfaReason()).as("a reason only with no further action").isNull();
            assertThat(o.reviewState()).isNull();
        });
        assertThat(api("police-worker", caseId)
                        .path("investigations")
                        .get(0)
                        .path("outcome")
                        .asText())
                .isEqualTo(outcome);
    }

    @Test
    void anUpdateThatDoesNotConcludeRecordsNoOutcome() {
        String caseId = caseInvestigatedByThePolice();
        pathway.complete(
                caseId,
                INVESTIGATION,
                "police-worker",
                Map.of("investigationUpdate", "Synthetic update", "investigationConcluded", false));

        assertThat(pathway.tasks(caseId, INVESTIGATION)).hasSize(1);
        assertThat(investigations.ofCase(caseId)).isEmpty();
    }

    @Test
    void noFurtherActionWithoutItsReasonIsRefusedNamingTheField() throws Exception {
        String caseId = caseInvestigatedByThePolice();
        Task investigation = pathway.task(caseId, INVESTIGATION);

        assertThatThrownBy(() -> pathway.complete(
                        investigation,
                        "police-worker",
                        Map.of(
                                "investigationUpdate",
                                "Synthetic update",
                                "investigationConcluded",
                                true,
                                "investigationOutcome",
                                "NO_FURTHER_ACTION")))
                .hasMessageContaining("nfaReason");
        assertThat(pathway.tasks(caseId, INVESTIGATION)).as("nothing changed").hasSize(1);
        assertThat(pathway.tasks(caseId, REVIEW)).isEmpty();
        assertThat(investigations.ofCase(caseId)).isEmpty();

        // the page says so too, and keeps the task open
        MvcResult refused = submit(
                "police-worker",
                post("/tasks/" + investigation.getId())
                        .param("investigationUpdate", "Synthetic update")
                        .param("investigationConcluded", "true")
                        .param("investigationOutcome", "NO_FURTHER_ACTION"));
        assertThat(refused.getResponse().getContentAsString()).contains("nfaReason");
        assertThat(pathway.tasks(caseId, INVESTIGATION)).hasSize(1);
    }

    @Test
    void aReviewWithoutALearningThemeIsRefused() {
        String caseId = caseConcludedWithNoFurtherAction();
        Task review = pathway.task(caseId, REVIEW);

        assertThatThrownBy(() -> pathway.complete(
                        review,
                        "police-worker",
                        Map.of(
                                "learningThemes",
                                List.of(),
                                "toChange",
                                "Synthetic change",
                                "shareableSummary",
                                "Synthetic summary")))
                .hasMessageContaining("learningThemes");
        assertThatThrownBy(() -> pathway.complete(
                        review,
                        "police-worker",
                        Map.of("learningThemes", List.of("TIMELINESS"), "toChange", "Synthetic change")))
                .as("the summary to share is required")
                .hasMessageContaining("shareableSummary");
        assertThat(pathway.tasks(caseId, REVIEW)).hasSize(1);
    }

    @Test
    void aLateReviewEscalatesToThePoliceManagersAndReadsOverdue() throws Exception {
        String caseId = caseConcludedWithNoFurtherAction();
        Task review = pathway.task(caseId, REVIEW);
        Instant due = review.getDueDate().toInstant();
        assertThat(investigations.ofCase(caseId))
                .singleElement()
                .satisfies(o -> assertThat(o.reviewState()).isEqualTo(Investigations.REVIEW_OPEN));

        ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
        pathway.fireDueClocks();
        assertThat(candidates(pathway.task(caseId, REVIEW))).doesNotContain("police-managers");

        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
        assertThat(pathway.fireDueClocks()).isPositive();
        Task late = pathway.task(caseId, REVIEW);
        assertThat(candidates(late)).contains("police", "rise", "police-managers");
        assertThat(taskService.getVariableLocal(late.getId(), "escalated")).isEqualTo(true);
        assertThat(investigations.ofCase(caseId))
                .singleElement()
                .satisfies(o -> assertThat(o.reviewState()).isEqualTo(Investigations.REVIEW_OVERDUE));
        assertThat(investigations.overdueAt(Now.instant()))
                .anySatisfy(o -> assertThat(o.caseId()).isEqualTo(caseId));
    }

    // ---- the way there ----

    /** A strategy meeting asked for a police investigation: its first update is open. */
    private String caseInvestigatedByThePolice() {
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
        assertThat(pathway.tasks(caseId, INVESTIGATION)).hasSize(1);
        return caseId;
    }

    private String caseConcludedWithNoFurtherAction() {
        String caseId = caseInvestigatedByThePolice();
        pathway.complete(
                caseId,
                INVESTIGATION,
                "police-worker",
                Map.of(
                        "investigationUpdate",
                        "Synthetic update",
                        "investigationConcluded",
                        true,
                        "investigationOutcome",
                        "NO_FURTHER_ACTION",
                        "nfaReason",
                        "VICTIM_DOES_NOT_SUPPORT"));
        return caseId;
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private static JsonNode entry(JsonNode view, String kind) {
        for (JsonNode e : view.path("record")) {
            if (kind.equals(e.path("kind").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " entry in the record");
    }

    private JsonNode api(String user, String caseId) throws Exception {
        MvcResult result = mvc.perform(get("/api/cases/" + caseId).with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s reads the case", user)
                .isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private MockHttpSession session(String user) throws Exception {
        MockHttpSession s = sessions.get(user);
        if (s == null) {
            s = Pages.signIn(mvc, user);
            sessions.put(user, s);
        }
        return s;
    }

    private String page(String user, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result =
                mvc.perform(request.session(session(user)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s %s", user, result.getRequest().getRequestURI())
                .isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MvcResult submit(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session(user)).with(csrf())).andReturn();
    }
}
