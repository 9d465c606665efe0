package uk.pathways.tasks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * Every form in {@code forms/}, completed through its task page as the practitioner would (the page renders the
 * deployed form; the post goes through the completion gate), then every field read back from
 * {@code GET /api/cases/{caseId}} (contract section 9) as an involved agency; refused to an agency not involved
 * (403) and, for restricted entries, missing for an involved agency outside the restriction; each read audited.
 */
@PathwaysTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskPagesTest {

    private static final AtomicInteger MARKS = new AtomicInteger();

    @Autowired
    WebApplicationContext context;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskPages pages;

    @Autowired
    TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    final Map<String, MockHttpSession> sessions = new HashMap<>();
    /** The keys of the forms a test completed, to check every shipped form was. */
    static final java.util.Set<String> COMPLETED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void pages() {
        mvc = Pages.mvc(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCsePathwayFromScreeningToApprovedClosureIsWorkedAndReadBackInThePages() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));
        String caseId = referral.caseId();

        // the inbox lists the screening for MASH, with the child and the referral, not counted (on a later page of 50
        // when other tests' referrals wait before it, as a practitioner would page on)
        Task screening = pathway.task(caseId, "screening");
        String inbox = inboxPageWith("mash-worker", screening.getId());
        assertThat(inbox).contains("data-task-id=\"" + screening.getId() + "\"").contains(referral.reference());
        String screeningPage = page("mash-worker", get("/tasks/" + screening.getId()));
        assertThat(screeningPage)
                .as("the referral's concerns beside the screening form")
                .contains("From the case record")
                .contains("Referral")
                .contains("In a relationship with a significantly older person")
                .contains("name=\"indicators\"")
                .contains("name=\"screeningNotes\"");

        complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of("learningDisability", "false", "overrideRiskLevel", ""),
                "education-worker");
        // the usual agencies invited, and three others by e-mail
        complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("invitedAgencies", "childrens-services,police,health,education"),
                "education-worker");

        List<Task> asked = pathway.tasks(caseId, "agency-information");
        assertThat(asked).hasSize(4);
        Map<String, String> shared = new LinkedHashMap<>();
        Map<String, Task> byAgency = new HashMap<>();
        asked.forEach(t -> byAgency.put(groupsOf(t).get(0), t));
        for (String agency : List.of("police", "health", "education", "childrens-services")) {
            Task task = byAgency.get(agency);
            String share = page(agency + "-worker", get("/tasks/" + task.getId()));
            assertThat(share)
                    .as("the meeting's place beside the information form")
                    .contains("Schedule the strategy meeting")
                    .contains("Synthetic meetingPlace");
            Map<String, Object> recorded = completeTask(
                    task,
                    agency + "-worker",
                    Map.of("restricted", agency.equals("police") ? "true" : "false"),
                    agency.equals("police") ? "police-worker" : "health-worker");
            shared.put(agency, (String) recorded.get("agencyInformation"));
        }
        // the police restricted theirs: health reads the others, never the police's
        String healthReads = api("health-worker", caseId);
        assertThat(healthReads)
                .contains(shared.get("education"))
                .contains(shared.get("childrens-services"))
                .doesNotContain(shared.get("police"));

        // the chair sees every agency's information beside the outcome form
        Task meeting = pathway.task(caseId, "strategy-meeting");
        String pack = page("childrens-services-worker", get("/tasks/" + meeting.getId()));
        shared.values().forEach(text -> assertThat(pack).as("the meeting pack").contains(text));
        Map<String, Object> outcome =
                complete(caseId, "strategy-meeting", "childrens-services-worker", Map.of(), "health-worker");

        // each action agreed is a task for its owner (here MASH, the form's first option), its words beside the form
        List<Task> actions = pathway.tasks(caseId, "meeting-action");
        assertThat(actions).hasSize(4);
        Task firstAction = actions.stream()
                .filter(t -> outcome.get("action1Description")
                        .equals(jdbc.queryForObject(
                                "select description from pw_meeting_action where process_instance_id = ?",
                                String.class,
                                t.getProcessInstanceId())))
                .findFirst()
                .orElseThrow();
        assertThat(page("mash-worker", get("/tasks/" + firstAction.getId())))
                .as("the action as the meeting agreed it, beside the action's form")
                .contains("Action agreed at the strategy meeting")
                .contains((String) outcome.get("action1Description"));
        Map<String, Object> actionDone = completeTask(firstAction, "mash-worker", Map.of(), "police-worker");

        complete(
                caseId,
                "allocate-support-worker",
                "rise-manager",
                Map.of("supportWorker", "rise-worker"),
                "rise-worker");
        Map<String, Object> plan =
                complete(caseId, "safety-plan", "rise-worker", Map.of(), "childrens-services-worker");
        Map<String, Object> wheel = complete(caseId, "outcome-wheel", "rise-worker", Map.of(), "rise-manager");
        complete(caseId, "section-47-enquiry", "childrens-services-worker", Map.of(), "police-worker");
        Map<String, Object> investigation =
                complete(caseId, "police-investigation", "police-worker", Map.of(), "police-worker");
        assertThat(api("health-worker", caseId))
                .as("restricted to the police by default")
                .doesNotContain((String) investigation.get("investigationUpdate"));

        // six weeks on, the strategy review
        ClockUtil.setCurrentTime(
                new java.util.Date(Now.instant().plus(Duration.ofDays(42)).toEpochMilli() + 1000));
        pathway.fireDueClocks(referral.processInstanceId());
        // the review checks the meeting's actions: one done, the rest overdue
        String review = page(
                "childrens-services-worker",
                get("/tasks/" + pathway.task(caseId, "strategy-review").getId()));
        assertThat(review)
                .contains("Action agreed at the strategy meeting")
                .contains((String) outcome.get("action1Description"))
                .contains((String) outcome.get("action2Description"))
                .contains("Done")
                .contains("Overdue");
        assertThat(api("police-worker", caseId)).contains((String) actionDone.get("actionDone"));
        complete(
                caseId,
                "strategy-review",
                "childrens-services-worker",
                Map.of("disclosure", "false", "learningDisability", "false", "overrideRiskLevel", ""),
                "mash-worker");

        complete(caseId, "outreach-contact", "rise-worker", Map.of("proposeClosure", "true"), "rise-manager");
        Map<String, Object> closure = complete(caseId, "closure-strategy", "rise-worker", Map.of(), "rise-manager");
        Task approval = pathway.task(caseId, "closure-approval");
        String approvalPage = page("rise-manager", get("/tasks/" + approval.getId()));
        assertThat(approvalPage)
                .as("the closure strategy, the latest wheel and the plan beside the approval")
                .contains((String) closure.get("closurePlan"))
                .contains((String) wheel.get("wheelNotes"))
                .contains((String) plan.get("safetyPlanActions"));
        complete(caseId, "closure-approval", "rise-manager", Map.of(), "education-worker");

        // support read across its entries: the wheel's scores over time, topics and onward referrals accumulated
        String support = page("rise-worker", get("/cases/" + caseId));
        assertThat(support)
                .contains("RISE support so far")
                .contains("id=\"outcome-wheel-trend\"")
                .containsPattern("id=\"topics-covered\"[\\s\\S]*?\\(1 contact\\)")
                .contains("id=\"onward-referral-status\"");

        // the case page tells it by stage, every entry in words
        String casePage = page("childrens-services-worker", get("/cases/" + caseId));
        assertThat(casePage)
                .contains("What agencies recorded")
                .contains("id=\"record-strategy-meeting\"")
                .contains("id=\"record-support\"")
                .contains("id=\"record-closure\"")
                .contains(shared.get("health"))
                .contains((String) closure.get("closurePlan"))
                .contains("Seen only by Police");

        // the walked case's chronology, as practitioners read it: no e-mail lines, no codes, every row a sentence
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        "data-event=\"([A-Z_]+)\">\\s*<td[^>]*>[^<]*</td>\\s*<td class=\"govuk-table__cell\">([^<]*)</td>")
                .matcher(casePage);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            assertThat(row.group(1)).as("no e-mail lines for practitioners").doesNotStartWith("EMAIL_");
            rows.add(org.springframework.web.util.HtmlUtils.htmlUnescape(row.group(2)));
        }
        assertThat(rows)
                .hasSizeGreaterThan(20)
                .allSatisfy(sentence -> assertThat(sentence)
                        .matches("[A-Z\"].*")
                        .doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b")
                        .doesNotContainPattern(
                                "\\b(mash|childrens-services|rhi-service|missing-coordinator|[a-z-]+-managers)\\b"));

        // an agency never involved is refused the case, and the refusal is audited
        int refusals = audited(caseId, "rhi-service-worker", "ACCESS_REFUSED");
        mvc.perform(get("/api/cases/" + caseId).with(httpBasic("rhi-service-worker", Pages.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isForbidden());
        assertThat(audited(caseId, "rhi-service-worker", "ACCESS_REFUSED")).isEqualTo(refusals + 1);
    }

    @Test
    void aRevisedClosureStrategySupersedesTheOldOneAndBothStayReadable() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = throughTheMeeting(referral, Map.of("section47", "false", "policeInvestigation", "false"));
        complete(
                caseId,
                "allocate-support-worker",
                "rise-manager",
                Map.of("supportWorker", "rise-worker"),
                "rise-worker");
        complete(caseId, "outreach-contact", "rise-worker", Map.of("proposeClosure", "true"), "rise-worker");
        Map<String, Object> first = complete(caseId, "closure-strategy", "rise-worker", Map.of(), "rise-worker");
        complete(caseId, "closure-approval", "rise-manager", Map.of("closureApproved", "false"), "rise-manager");
        complete(caseId, "outreach-contact", "rise-worker", Map.of("proposeClosure", "true"), "rise-worker");
        Map<String, Object> second = complete(caseId, "closure-strategy", "rise-worker", Map.of(), "rise-worker");

        List<JsonNode> strategies = new ArrayList<>();
        json.readTree(api("rise-manager", caseId)).path("record").forEach(e -> {
            if (e.path("kind").asText().equals("closure-strategy")) {
                strategies.add(e);
            }
        });
        assertThat(strategies).as("both versions stay readable").hasSize(2);
        JsonNode newer = strategies.get(0); // newest first
        JsonNode older = strategies.get(1);
        assertThat(newer.path("fields").path("closurePlan").asText()).isEqualTo(second.get("closurePlan"));
        assertThat(older.path("fields").path("closurePlan").asText()).isEqualTo(first.get("closurePlan"));
        assertThat(newer.path("supersedes").asText()).isEqualTo(older.path("id").asText());
        assertThat(older.path("supersededBy").asText())
                .isEqualTo(newer.path("id").asText());
        assertThat(newer.path("supersededBy").isNull()
                        || newer.path("supersededBy").isMissingNode())
                .as("the newest is current")
                .isTrue();
        assertThat(texts(newer.path("visibleTo"))).contains("rise", "childrens-services", "mash");

        String casePage = page("rise-manager", get("/cases/" + caseId));
        assertThat(casePage)
                .contains((String) first.get("closurePlan"))
                .contains((String) second.get("closurePlan"))
                .containsPattern("id=\"entry-" + older.path("id").asText() + "\"[\\s\\S]*?Replaced by a later version");
        // the approval page shows the current strategy, not the replaced one
        String approval = page(
                "rise-manager",
                get("/tasks/" + pathway.task(caseId, "closure-approval").getId()));
        assertThat(approval).contains((String) second.get("closurePlan")).doesNotContain((String)
                first.get("closurePlan"));
    }

    @Test
    void aClosureNoRiseManagerApprovesIsAgreedByAChildrensServicesManagerBesideWhatItCloses() throws Exception {
        // a strategy meeting that decides no further action
        var child = Pathway.child(15);
        String nfa = throughTheMeeting(
                pathway.refer(child, List.of()),
                Map.of("riseAccepted", "false", "section47", "false", "policeInvestigation", "false"));
        Map<String, Object> meeting = lastOutcome;
        assertThat(caseStatus(nfa)).as("no further action waits for a manager").isEqualTo("OPEN");
        String agree = page(
                "childrens-services-manager",
                get("/tasks/" + pathway.task(nfa, "approve-case-closure").getId()));
        assertThat(agree)
                .as("the meeting's record beside the manager's form")
                .contains((String) meeting.get("meetingMinutes"))
                .contains("name=\"caseClosureApproved\"");
        Map<String, Object> agreed = complete(
                nfa, "approve-case-closure", "childrens-services-manager", Map.of(), "childrens-services-worker");
        assertThat(caseStatus(nfa)).isEqualTo("CLOSED");

        // a new referral a week later reopens the case with its history: the page says so, and the screening shows
        // how it was closed beside its form
        ClockUtil.setCurrentTime(
                new java.util.Date(Now.instant().plus(Duration.ofDays(7)).toEpochMilli()));
        assertThat(pathway.refer(child, List.of()).caseId()).isEqualTo(nfa);
        assertThat(page("childrens-services-worker", get("/cases/" + nfa)))
                .contains("id=\"reopened\"")
                .contains("Case reopened with its history");
        assertThat(page(
                        "mash-worker",
                        get("/tasks/" + pathway.task(nfa, "screening").getId())))
                .as("the last closure beside the new screening")
                .contains((String) agreed.get("closureComment"));
        ClockUtil.reset();

        // a strategy review that closes a case with a section 47 enquiry and a police investigation, no RISE
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = throughTheMeeting(referral, Map.of("riseAccepted", "false"));
        ClockUtil.setCurrentTime(
                new java.util.Date(Now.instant().plus(Duration.ofDays(42)).toEpochMilli() + 1000));
        pathway.fireDueClocks(referral.processInstanceId());
        Map<String, Object> review = complete(
                caseId,
                "strategy-review",
                "childrens-services-worker",
                Map.of(
                        "disclosure",
                        "false",
                        "learningDisability",
                        "false",
                        "reviewDecision",
                        "CLOSE",
                        "overrideRiskLevel",
                        "HIGH"),
                "childrens-services-worker");
        // the social worker judged the risk higher than the review's threshold: a manager agrees it beside the review
        String judgement = page(
                "childrens-services-manager",
                get("/tasks/" + pathway.task(caseId, "approve-review-override").getId()));
        assertThat(judgement).contains((String) review.get("overrideReason")).contains("name=\"overrideAgreed\"");
        complete(
                caseId,
                "approve-review-override",
                "childrens-services-manager",
                Map.of("overrideAgreed", "false"),
                "childrens-services-worker");
        String agreeReview = page(
                "childrens-services-manager",
                get("/tasks/" + pathway.task(caseId, "approve-review-closure").getId()));
        assertThat(agreeReview)
                .as("the review beside the manager's form")
                .contains((String) review.get("reviewNotes"))
                .contains("name=\"reviewClosureApproved\"");
        complete(caseId, "approve-review-closure", "childrens-services-manager", Map.of(), "childrens-services-worker");
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
        assertThat(page("childrens-services-worker", get("/cases/" + caseId)))
                .as("the manager's agreement is read back under Closure")
                .contains("id=\"record-closure\"")
                .contains("Agree the review&#39;s closure");
    }

    private String caseStatus(String caseId) {
        return jdbc.queryForObject("select status from pw_case where case_id = ?", String.class, caseId);
    }

    /** What the last {@link #throughTheMeeting} recorded at the meeting, as the API reads it back. */
    private Map<String, Object> lastOutcome;

    /**
     * A referral screened, its strategy meeting scheduled and held on their pages (the outcome's boxes as given, the
     * rest as the page helper fills them); gives the case.
     */
    private String throughTheMeeting(ReferralAccepted referral, Map<String, String> outcome) throws Exception {
        String caseId = referral.caseId();
        complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of("learningDisability", "false", "overrideRiskLevel", ""),
                "mash-worker");
        complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(),
                "childrens-services-worker");
        lastOutcome =
                complete(caseId, "strategy-meeting", "childrens-services-worker", outcome, "childrens-services-worker");
        return caseId;
    }

    private List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void onwardReferralsAndTheSafetyPlanReviewAreWorkedOnTheirPagesAndReadBackOnTheCase() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = throughTheMeeting(referral, Map.of("section47", "false", "policeInvestigation", "false"));
        complete(
                caseId,
                "allocate-support-worker",
                "rise-manager",
                Map.of("supportWorker", "rise-worker"),
                "rise-worker");
        Map<String, Object> first = complete(caseId, "safety-plan", "rise-worker", Map.of(), "mash-worker");
        complete(caseId, "outcome-wheel", "rise-worker", Map.of(), "mash-worker");
        // CAMHS and court support referred; court support's outcome already known at the same contact
        complete(
                caseId,
                "outreach-contact",
                "rise-worker",
                Map.of(
                        "proposeClosure", "false",
                        "onwardReferrals", "CAMHS,COURT_SUPPORT",
                        "onwardReferralsAccepted", "",
                        "onwardReferralsWaiting", "",
                        "onwardReferralsDeclined", "",
                        "onwardReferralsOutcome", "COURT_SUPPORT"),
                "mash-worker");

        // fifteen days on: the CAMHS referral is asked about, and the plan's review date has come
        ClockUtil.setCurrentTime(
                new java.util.Date(Now.instant().plus(Duration.ofDays(15)).toEpochMilli()));
        pathway.fireDueClocks(referral.processInstanceId());
        Task ask = pathway.task(caseId, "onward-referral");
        assertThat(ask.getName()).isEqualTo("Follow up the onward referral to CAMHS");
        complete(caseId, "onward-referral", "rise-worker", Map.of("onwardReferralStatus", "WAITING"), "mash-worker");
        assertThat(pathway.task(caseId, "safety-plan").getName()).isEqualTo("Review the safety plan");
        Map<String, Object> revised = complete(caseId, "safety-plan", "rise-worker", Map.of(), "mash-worker");

        // read back as an involved agency: the API's onward referrals and plan versions
        JsonNode read = json.readTree(api("mash-worker", caseId));
        Map<String, String> statuses = new LinkedHashMap<>();
        read.path("onwardReferrals")
                .forEach(r -> statuses.put(
                        r.path("service").asText(), r.path("status").asText()));
        assertThat(statuses)
                .containsExactly(Map.entry("CAMHS", "WAITING"), Map.entry("COURT_SUPPORT", "OUTCOME_RECORDED"));
        List<JsonNode> plans = new ArrayList<>();
        read.path("record").forEach(e -> {
            if (e.path("kind").asText().equals("safety-plan")) {
                plans.add(e);
            }
        });
        assertThat(plans).hasSize(2);
        assertThat(plans.get(0).path("fields").path("safetyPlanRisks").asText())
                .isEqualTo(revised.get("safetyPlanRisks"));
        assertThat(plans.get(0).path("supersedes").asText())
                .isEqualTo(plans.get(1).path("id").asText());
        assertThat(plans.get(1).path("fields").path("safetyPlanRisks").asText())
                .isEqualTo(first.get("safetyPlanRisks"));

        // and on the case page: the wheel's chart beside its table, the plan's versions, the referrals' statuses
        String casePage = page("mash-worker", get("/cases/" + caseId));
        assertThat(casePage)
                .contains("id=\"outcome-wheel-chart\"")
                .containsPattern(
                        "<svg[^>]*role=\"img\"[^>]*aria-labelledby=\"wheel-chart-title\" aria-describedby=\"wheel-chart-desc\"")
                .contains("<polyline")
                .contains("id=\"outcome-wheel-trend\"")
                .containsPattern("Feeling and being safe 4")
                .containsPattern("data-version=\"1\"[\\s\\S]*?Replaced[\\s\\S]*?data-version=\"2\"[\\s\\S]*?Current")
                .containsPattern("data-service=\"CAMHS\" data-status=\"WAITING\"[\\s\\S]*?Waiting")
                .containsPattern(
                        "data-service=\"COURT_SUPPORT\" data-status=\"OUTCOME_RECORDED\"[\\s\\S]*?Court support")
                .contains("id=\"last-successful-contact\"");
    }

    @Test
    void theReviewAfterNoFurtherActionIsCompletableOnItsPage() throws Exception {
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
                Map.of("riseAccepted", false, "section47", false, "policeInvestigation", true));
        // the police conclude it with no further action, on the page, with the reason and its detail
        Map<String, Object> concluded = complete(
                caseId,
                "police-investigation",
                "police-worker",
                Map.of("investigationOutcome", "NO_FURTHER_ACTION", "nfaReason", "NOT_IN_PUBLIC_INTEREST"),
                "police-worker");
        assertThat(concluded.get("nfaDetail")).isNotNull();
        // the review, on its page, read back by the RISE team
        Map<String, Object> review = complete(caseId, "investigation-review", "rise-worker", Map.of(), "rise-worker");
        assertThat(review.get("learningThemes")).isEqualTo(List.of("EARLY_IDENTIFICATION", "EVIDENCE_GATHERING"));
        assertThat(api("rise-worker", caseId))
                .contains("\"reviewState\":\"DONE\"")
                .contains("\"nfaReason\":\"NOT_IN_PUBLIC_INTEREST\"")
                .contains((String) review.get("shareableSummary"));
    }

    @Test
    void aLowRiskReferralGoesToTheEarlyHelpPlanPage() throws Exception {
        ReferralAccepted referral = pathway.refer(14, List.of());
        // 4 + 2 = 6: LOW, early help; the practitioner's judgement is medium, which a MASH manager does not agree
        Map<String, Object> screened = complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        "OLDER_PARTNER,SUBSTANCE_MISUSE",
                        "disclosure",
                        "false",
                        "learningDisability",
                        "false",
                        "overrideRiskLevel",
                        "MEDIUM"),
                "education-worker");
        String approval = page(
                "mash-manager",
                get("/tasks/"
                        + pathway.task(referral.caseId(), "approve-override").getId()));
        assertThat(approval)
                .as("the practitioner's reason beside the manager's form")
                .contains((String) screened.get("overrideReason"))
                .contains("name=\"overrideAgreed\"");
        complete(
                referral.caseId(),
                "approve-override",
                "mash-manager",
                Map.of("overrideAgreed", "false"),
                "mash-worker");
        complete(referral.caseId(), "early-help-plan", "childrens-services-worker", Map.of(), "education-worker");
    }

    @Test
    void theReturnHomeInterviewReachesThePoliceBesideTheirIntelligenceForm() throws Exception {
        ObjectNode report = json.createObjectNode();
        var child = Pathway.child(14);
        report.putObject("child")
                .put("firstName", child.firstName())
                .put("lastName", child.lastName())
                .put("dateOfBirth", child.dateOfBirth().toString())
                .put("gender", child.gender());
        report.put("missingSince", Now.instant().minus(Duration.ofHours(5)).toString())
                .put("policeReference", "PR-" + MARKS.incrementAndGet() + "-" + System.nanoTime() % 100000)
                .put("policeRisk", "LOW")
                .put("episodeType", "MISSING_FROM_HOME");
        MvcResult reported = mvc.perform(post("/api/missing-episodes")
                        .with(httpBasic("police-worker", Pages.PASSWORD))
                        .contentType("application/json")
                        .content(report.toString()))
                .andReturn();
        assertThat(reported.getResponse().getStatus())
                .as(reported.getResponse().getContentAsString())
                .isEqualTo(201);
        JsonNode episode = json.readTree(reported.getResponse().getContentAsString());
        String caseId = episode.path("caseId").asText();
        String reference = episode.path("reference").asText();
        MvcResult returned = mvc.perform(post("/api/missing-episodes/" + reference + "/return")
                        .with(httpBasic("police-worker", Pages.PASSWORD))
                        .contentType("application/json")
                        .content("{\"returnedAt\":\"" + Now.instant().minus(Duration.ofHours(1)) + "\"}"))
                .andReturn();
        assertThat(returned.getResponse().getStatus())
                .as(returned.getResponse().getContentAsString())
                .isLessThan(300);

        Map<String, Object> interview = complete(
                caseId, "return-home-interview", "rhi-service-worker", Map.of("cseConcern", "false"), "police-worker");
        Task intelligence = pathway.task(caseId, "police-intelligence");
        assertThat(page("police-worker", get("/tasks/" + intelligence.getId())))
                .as("the interview's information for the police beside the intelligence form")
                .contains((String) interview.get("informationForPolice"));
        Map<String, Object> recorded =
                complete(caseId, "police-intelligence", "police-worker", Map.of(), "police-worker");
        assertThat(api("rhi-service-worker", caseId))
                .as("restricted to the police by default")
                .doesNotContain((String) recorded.get("intelligenceNotes"));
        mvc.perform(get("/api/cases/" + caseId).with(httpBasic("education-worker", Pages.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isForbidden());
    }

    @Test
    void aMistakeIsShownOnThePageAndTheTaskStaysOpen() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of("disclosure", "true", "overrideRiskLevel", ""),
                "education-worker");
        Task schedule = pathway.task(referral.caseId(), "schedule-strategy-meeting");
        String answer = page(
                "childrens-services-worker",
                post("/tasks/" + schedule.getId())
                        .param("meetingAt.day", "31")
                        .param("meetingAt.month", "2")
                        .param("meetingAt.year", "2027")
                        .param("meetingAt.time", "10:00")
                        .param("meetingPlace", ""));
        assertThat(answer)
                .contains("There is a problem")
                .contains("<title>Error: Schedule the strategy meeting - Pathways</title>")
                .contains("href=\"#meetingAt-day\"")
                .contains("href=\"#meetingPlace\"");
        assertThat(pathway.task(referral.caseId(), "schedule-strategy-meeting").getId())
                .isEqualTo(schedule.getId());
        // another agency's task is not found for them, as if there were none
        MvcResult other = mvc.perform(get("/tasks/" + schedule.getId()).session(session("health-worker")))
                .andReturn();
        assertThat(other.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void twoPractitionersCompletingTheSameTaskAtOnceGetAnAnswerNeverAnError() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                ReferralAccepted referral = pathway.refer(15, List.of());
                Task screening = pathway.task(referral.caseId(), "screening");
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<MvcResult>> answers = new ArrayList<>();
                for (String user : List.of("mash-worker", "mash-manager")) {
                    MockHttpSession session = session(user);
                    answers.add(two.submit(() -> {
                        together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        return mvc.perform(post("/tasks/" + screening.getId())
                                        .session(session)
                                        .with(csrf())
                                        .param("indicators", "OLDER_PARTNER")
                                        .param("exploitationType", "CRIMINAL")
                                        .param("screeningNotes", "Synthetic race"))
                                .andReturn();
                    }));
                }
                int done = 0;
                for (var answer : answers) {
                    MvcResult result = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    int status = result.getResponse().getStatus();
                    assertThat(status)
                            .as("round %d: %s", round, result.getResponse().getContentAsString())
                            .isIn(200, 302);
                    if (status == 302) {
                        done++;
                    }
                }
                assertThat(done)
                        .as("round %d: at least the winner is done", round)
                        .isPositive();
                assertThat(taskService
                                .createTaskQuery()
                                .taskId(screening.getId())
                                .count())
                        .isZero();
            }
        } finally {
            two.shutdownNow();
        }
    }

    /**
     * The usual way a MASH screening is lost to a colleague (B6, issue 20): the colleague's form is sent while this one
     * is being filled in. The practitioner is warned on the inbox and nothing they entered is recorded, whether they
     * send the form, open the task again or claim it; to another agency the closed task is as absent as any id.
     */
    @Test
    void aFormSentAfterAColleagueCompletedTheTaskIsWarnedOnTheInboxAndRecordsNothing() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        assertThat(page("mash-worker", get("/tasks/" + screening.getId()))).contains("name=\"screeningNotes\"");
        pathway.complete(screening, "mash-manager", Pathway.SCREENING);

        MvcResult late = sendScreening("mash-worker", screening, "Synthetic notes sent too late");

        assertThat(late.getResponse().getStatus()).isEqualTo(302);
        assertThat(late.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(late.getFlashMap().get("warning"))
                .isEqualTo("\"" + screening.getName() + "\" was completed by someone else before you sent your form."
                        + " Nothing you entered was recorded.");
        assertThat(late.getFlashMap().get("notice")).as("no success banner").isNull();
        String inbox = page("mash-worker", get("/tasks").flashAttrs(late.getFlashMap()));
        assertThat(inbox)
                .contains("govuk-notification-banner__title\" id=\"warning-title\">Important</h2>")
                .contains("was completed by someone else before you sent your form. Nothing you entered was recorded.")
                .doesNotContain("id=\"notice-title\"");
        assertThat(page("mash-worker", get("/cases/" + referral.caseId())))
                .as("the case record")
                .doesNotContain("Synthetic notes sent too late");

        MvcResult again = mvc.perform(get("/tasks/" + screening.getId()).session(session("mash-worker")))
                .andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(again.getFlashMap().get("warning"))
                .isEqualTo("\"" + screening.getName() + "\" was completed by someone else and is no longer open.");
        MvcResult claimed = mvc.perform(post("/tasks/" + screening.getId() + "/claim")
                        .param("back", "inbox")
                        .session(session("mash-worker"))
                        .with(csrf()))
                .andReturn();
        assertThat(claimed.getFlashMap().get("warning"))
                .isEqualTo("\"" + screening.getName() + "\" was completed by someone else before you claimed it.");

        for (MockHttpServletRequestBuilder request : List.of(
                get("/tasks/" + screening.getId()),
                post("/tasks/" + screening.getId()).param("screeningNotes", "Synthetic notes of another agency"),
                post("/tasks/" + screening.getId() + "/claim"),
                post("/tasks/" + screening.getId() + "/unclaim"))) {
            MvcResult otherAgency = mvc.perform(
                            request.session(session("education-worker")).with(csrf()))
                    .andReturn();
            assertThat(otherAgency.getResponse().getStatus())
                    .as(
                            "another agency's %s of a closed MASH task",
                            otherAgency.getRequest().getRequestURI())
                    .isEqualTo(404);
            assertThat(otherAgency.getFlashMap().get("warning")).isNull();
            assertThat(otherAgency.getResponse().getContentAsString()).doesNotContain(screening.getName());
        }
    }

    /** The same practitioner in two tabs: the second form is told the first completed the task, not a colleague. */
    @Test
    void aSecondFormForATaskTheUserCompletedInAnotherTabSaysSo() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        assertThat(sendScreening("mash-worker", screening, "Synthetic first tab")
                        .getFlashMap()
                        .get("warning"))
                .isNull();

        MvcResult second = sendScreening("mash-worker", screening, "Synthetic second tab");

        assertThat(second.getFlashMap().get("warning"))
                .isEqualTo("\"" + screening.getName() + "\" was completed by you already, in another window or tab,"
                        + " before you sent your form. Nothing you entered was recorded.");
        assertThat(page("mash-worker", get("/cases/" + referral.caseId())))
                .contains("Synthetic first tab")
                .doesNotContain("Synthetic second tab");
    }

    /**
     * A task the pathway closed without a completion (here the referral's instance ended) is "closed as the pathway
     * moved on"; and a group removed from a task's candidates before it closed is no longer told about it.
     */
    @Test
    void aTaskThePathwayClosedSaysSoOnlyToTheGroupsItWasOfferedToWhenItClosed() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        taskService.addCandidateGroup(screening.getId(), "police");
        taskService.deleteCandidateGroup(screening.getId(), "mash");
        runtimeService.deleteProcessInstance(referral.processInstanceId(), "Synthetic withdrawal");

        MvcResult police = mvc.perform(get("/tasks/" + screening.getId()).session(session("police-worker")))
                .andReturn();
        assertThat(police.getFlashMap().get("warning"))
                .isEqualTo("\"" + screening.getName() + "\" was closed as the pathway moved on and is no longer open.");
        MvcResult mash = mvc.perform(get("/tasks/" + screening.getId()).session(session("mash-worker")))
                .andReturn();
        assertThat(mash.getResponse().getStatus())
                .as("MASH, no longer a candidate when the task closed")
                .isEqualTo(404);
    }

    /** "Unclaim" in a tab left open after the practitioner completed the task in another: told so, nothing changed. */
    @Test
    void unclaimingATaskCompletedSinceSaysSoAndChangesNothing() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        mvc.perform(post("/tasks/" + screening.getId() + "/claim")
                .session(session("mash-worker"))
                .with(csrf()));
        assertThat(assigneeOf(screening)).isEqualTo("mash-worker");
        assertThat(sendScreening("mash-worker", screening, "Synthetic notes before unclaiming")
                        .getFlashMap()
                        .get("warning"))
                .isNull();

        // from the task's own page (no "back" to the inbox), so only the closed task sends the practitioner there
        MvcResult unclaimed = mvc.perform(post("/tasks/" + screening.getId() + "/unclaim")
                        .session(session("mash-worker"))
                        .with(csrf()))
                .andReturn();

        assertThat(unclaimed.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(unclaimed.getFlashMap().get("warning"))
                .isEqualTo("\"" + screening.getName() + "\" was completed by you already, in another window or tab,"
                        + " and is no longer open.");
        assertThat(unclaimed.getFlashMap().get("notice"))
                .as("no \"back with your agency\"")
                .isNull();
        assertThat(historyService
                        .createHistoricTaskInstanceQuery()
                        .taskId(screening.getId())
                        .singleResult()
                        .getAssignee())
                .as("still the one who completed it")
                .isEqualTo("mash-worker");
    }

    /** Who holds the open task now, as the engine says. */
    private String assigneeOf(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private MvcResult sendScreening(String user, Task screening, String notes) throws Exception {
        return mvc.perform(post("/tasks/" + screening.getId())
                        .session(session(user))
                        .with(csrf())
                        .param("indicators", "OLDER_PARTNER")
                        .param("exploitationType", "CRIMINAL")
                        .param("screeningNotes", notes))
                .andReturn();
    }

    @Test
    void claimingAndUnclaimingFromTheInbox() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");
        mvc.perform(post("/tasks/" + screening.getId() + "/claim")
                .param("back", "inbox")
                .session(session("mash-worker"))
                .with(csrf()));
        assertThat(assigneeOf(screening)).isEqualTo("mash-worker");
        assertThat(page("mash-worker", get("/tasks?show=mine"))).contains("data-task-id=\"" + screening.getId() + "\"");
        mvc.perform(post("/tasks/" + screening.getId() + "/unclaim")
                .param("back", "inbox")
                .session(session("mash-worker"))
                .with(csrf()));
        assertThat(assigneeOf(screening)).isNull();
        assertThat(page("mash-worker", get("/tasks?show=mine")))
                .doesNotContain("data-task-id=\"" + screening.getId() + "\"");
    }

    @Test
    void theExploitationPanelsDecisionsAreRecordedOnTheirPageAndReadBackOnThePanel() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        pathway.complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        MvcResult scheduled = mvc.perform(post("/api/panels").with(httpBasic("police-manager", Pages.PASSWORD)))
                .andReturn();
        assertThat(scheduled.getResponse().getStatus()).isEqualTo(201);
        String panelId = json.readTree(scheduled.getResponse().getContentAsString())
                .path("panelId")
                .asText();
        int item = jdbc.queryForObject(
                "select position from pw_panel_item where panel_id = ? and case_id = ? and kind = 'CASE_AT_HIGH_RISK'",
                Integer.class,
                panelId,
                referral.caseId());
        Task chair = taskService
                .createTaskQuery()
                .processInstanceId(panelId)
                .taskDefinitionKey("exploitation-panel-decisions")
                .singleResult();
        String shown = page("police-worker", get("/tasks/" + chair.getId()));
        assertThat(shown)
                .contains("Record the exploitation panel&#39;s decisions")
                .contains("Item " + item)
                .contains(referral.caseId());
        String marker = "Synthetic panel decision " + java.util.UUID.randomUUID();
        LocalDateTime due = Now.instant()
                .plus(java.time.Duration.ofDays(7))
                .atZone(Now.UK)
                .toLocalDateTime()
                .withHour(17)
                .withMinute(0);
        MvcResult done = mvc.perform(post("/tasks/" + chair.getId())
                        .session(session("police-worker"))
                        .with(csrf())
                        .param("decision1Item", String.valueOf(item))
                        .param("decision1Text", marker)
                        .param("action1Item", String.valueOf(item))
                        .param("action1Owner", "childrens-services")
                        .param("action1Description", marker + " action")
                        .param("action1Due.day", String.valueOf(due.getDayOfMonth()))
                        .param("action1Due.month", String.valueOf(due.getMonthValue()))
                        .param("action1Due.year", String.valueOf(due.getYear()))
                        .param("action1Due.time", "17:00"))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        // read back: on the panel, and on the child's case by an agency involved in it
        MvcResult panel = mvc.perform(get("/api/panels/" + panelId).with(httpBasic("mash-worker", Pages.PASSWORD)))
                .andReturn();
        assertThat(panel.getResponse().getContentAsString()).contains(marker).contains(marker + " action");
        assertThat(api("mash-worker", referral.caseId())).contains(marker);
        COMPLETED.add("exploitation-panel-decisions");
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the walks (unordered tests come at Integer.MAX_VALUE / 2)
    void everyShippedFormWasCompletedOnItsPageAndReadBack() throws IOException {
        List<String> forms = new ArrayList<>();
        for (var r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:forms/*.form")) {
            forms.add(r.getFilename().replace(".form", ""));
        }
        assertThat(forms).hasSizeGreaterThanOrEqualTo(16);
        assertThat(COMPLETED)
                .as("the forms the walks above completed on their pages")
                .containsAll(forms);
    }

    @Autowired
    uk.pathways.disruption.Disruptions disruptions;

    /**
     * The disruption register's tasks (no child's case: the entry's words stay in the register), completed on their
     * pages by the police and read back on the entry's page: the review (a breach seen since, still needed, the notes)
     * and the expiry (renewed, with its new expiry and the grounds).
     */
    @Test
    void theDisruptionRegistersReviewAndExpiryAreCompletedOnTheirPagesAndReadBackOnTheEntry() throws Exception {
        String subject = "SUB-9" + String.format("%05d", MARKS.incrementAndGet() % 100_000);
        jdbc.update("""
                insert into pw_subject (subject_id, kind, label, category, district, police_only, concern_level,
                  recorded_by, recorded_agency, recorded_at) values (?, 'PERSON', 'Synthetic Person Kilo', 'SUSPECT',
                  'Corby', true, 'STANDARD', 'police-worker', 'police', ?)""", subject, OffsetDateTime.now());
        java.time.LocalDate served = Now.today().minusMonths(3).minusDays(1);
        var entry = disruptions.record(
                new uk.pathways.disruption.NewDisruption(
                        "CAWN",
                        subject,
                        List.of(),
                        null,
                        "police",
                        served.toString(),
                        Now.today().plusDays(20).toString()),
                new uk.pathways.agency.Actor("police-worker", "police"),
                "API");
        pathway.fireDueClocks(entry.processInstanceId());
        String mark = "Synthetic " + MARKS.incrementAndGet() + "-" + System.nanoTime();

        Task review = taskService
                .createTaskQuery()
                .processInstanceId(entry.processInstanceId())
                .taskDefinitionKey("disruption-review")
                .singleResult();
        String shown = page("police-worker", get("/tasks/" + review.getId()));
        assertThat(shown).contains(review.getName(), "name=\"stillNeeded\"", "name=\"breachedOn.day\"");
        // beside the form, the entry the officer reviews: its subject, the tactic and when it was served
        assertThat(shown).contains(entry.id(), subject + ": Synthetic Person Kilo", served.toString());
        java.time.LocalDate breach = Now.today().minusDays(1);
        MvcResult done = mvc.perform(post("/tasks/" + review.getId())
                        .session(session("police-worker"))
                        .with(csrf())
                        .param("stillNeeded", "YES")
                        .param("breachedOn.day", String.valueOf(breach.getDayOfMonth()))
                        .param("breachedOn.month", String.valueOf(breach.getMonthValue()))
                        .param("breachedOn.year", String.valueOf(breach.getYear()))
                        .param("breachNote", mark + " breach")
                        .param("reviewNotes", mark + " review"))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        COMPLETED.add("disruption-review");

        Task expiry = taskService
                .createTaskQuery()
                .processInstanceId(entry.processInstanceId())
                .taskDefinitionKey("disruption-expiry")
                .singleResult();
        assertThat(page("police-worker", get("/tasks/" + expiry.getId())))
                .contains("name=\"expiryDecision\"")
                // and the breach the review just recorded
                .contains(mark + " breach");
        java.time.LocalDate renewedTo = Now.today().plusYears(2);
        done = mvc.perform(post("/tasks/" + expiry.getId())
                        .session(session("police-worker"))
                        .with(csrf())
                        .param("expiryDecision", "RENEW")
                        .param("newExpiresOn.day", String.valueOf(renewedTo.getDayOfMonth()))
                        .param("newExpiresOn.month", String.valueOf(renewedTo.getMonthValue()))
                        .param("newExpiresOn.year", String.valueOf(renewedTo.getYear()))
                        .param("expiryNotes", mark + " renewal"))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        COMPLETED.add("disruption-expiry");

        String read = page("police-worker", get("/disruption/" + entry.id()));
        assertThat(read).contains(mark + " breach", mark + " review", mark + " renewal");
        assertThat(read).contains("Renewed until", "still needed");
        disruptions.end(
                entry.id(),
                "COMPLIED",
                Now.today().toString(),
                null,
                new uk.pathways.agency.Actor("police-worker", "police"),
                "API");
    }

    // ---- helpers ----

    private Map<String, Object> complete(
            String caseId, String key, String user, Map<String, String> overrides, String reader) throws Exception {
        return completeTask(pathway.task(caseId, key), user, overrides, reader);
    }

    /**
     * Opens the task page, posts the form with a value for every field (text with a unique marker; the first option;
     * ticked boxes unless overridden), expects the task done, then reads every field back from the case API as
     * {@code reader} and checks the read was audited. Gives what was recorded, as the API reads it back.
     */
    private Map<String, Object> completeTask(Task task, String user, Map<String, String> overrides, String reader)
            throws Exception {
        String key = task.getTaskDefinitionKey();
        String caseId = (String) taskService.getVariable(task.getId(), "caseId");
        String shown = page(user, get("/tasks/" + task.getId()));
        assertThat(shown)
                .contains("<h1 class=\"govuk-heading-l\">" + task.getName().replace("'", "&#39;") + "</h1>");

        MockHttpServletRequestBuilder post = post("/tasks/" + task.getId());
        Map<String, Object> expected = new LinkedHashMap<>();
        String mark = " " + MARKS.incrementAndGet() + "-" + System.nanoTime();
        for (JsonNode c : fields(form(key))) {
            String field = c.path("key").asText();
            String type = c.path("type").asText();
            String override = overrides.get(field);
            assertThat(shown)
                    .as("the page asks for " + field)
                    .contains("name=\"" + field + (type.equals("datetime") ? ".day" : "") + "\"");
            switch (type) {
                case "textfield", "textarea" -> {
                    String text = override != null
                            ? override
                            : field.endsWith("Email")
                                    ? "synthetic." + MARKS.incrementAndGet() + "@example.org"
                                    : "Synthetic " + field + mark;
                    post.param(field, text);
                    expected.put(field, text);
                }
                case "checkbox" -> {
                    boolean ticked = override == null || override.equals("true");
                    if (ticked) {
                        post.param(field, "true");
                    }
                    expected.put(field, ticked);
                }
                case "checklist" -> {
                    List<String> chosen = override != null
                            ? (override.isEmpty() ? List.of() : List.of(override.split(",")))
                            : List.of(
                                    c.path("values").get(0).path("value").asText(),
                                    c.path("values").get(1).path("value").asText());
                    chosen.forEach(v -> post.param(field, v));
                    expected.put(field, chosen);
                }
                case "radio", "select" -> {
                    if ("".equals(override)) {
                        continue; // left blank: an optional choice not made
                    }
                    String value = override != null
                            ? override
                            : c.path("values").get(0).path("value").asText();
                    post.param(field, value);
                    expected.put(field, value);
                }
                case "number" -> {
                    post.param(field, "4");
                    expected.put(field, 4);
                }
                case "datetime" -> {
                    if ("date".equals(c.path("subtype").asText())) {
                        java.time.LocalDate day = Now.today().plusDays(7);
                        post.param(field + ".day", String.valueOf(day.getDayOfMonth()))
                                .param(field + ".month", String.valueOf(day.getMonthValue()))
                                .param(field + ".year", String.valueOf(day.getYear()));
                        expected.put(field, day.toString());
                        continue;
                    }
                    LocalDateTime at = Now.instant()
                            .atZone(Now.UK)
                            .toLocalDateTime()
                            .plusDays(field.equals("contactAt") ? 0 : 1)
                            .withSecond(0)
                            .withNano(0)
                            .minusMinutes(field.equals("contactAt") ? 5 : 0);
                    post.param(field + ".day", String.valueOf(at.getDayOfMonth()))
                            .param(field + ".month", String.valueOf(at.getMonthValue()))
                            .param(field + ".year", String.valueOf(at.getYear()))
                            .param(field + ".time", String.format("%02d:%02d", at.getHour(), at.getMinute()));
                    expected.put(field, at.atZone(Now.UK).toInstant());
                }
                default -> throw new AssertionError("a field type the test does not know: " + type);
            }
        }
        MvcResult done = mvc.perform(post.session(session(user)).with(csrf())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl())
                .as(
                        "%s completed on its page: %s",
                        key,
                        done.getResponse()
                                .getContentAsString()
                                .replaceAll("(?s).*govuk-error-summary__list\">(.*?)</ul>.*", "$1"))
                .isEqualTo("/tasks");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult())
                .as(key + " is done")
                .isNull();
        COMPLETED.add(key);

        // read back as an involved agency: every field, typed as the form recorded it
        int reads = audited(caseId, reader, "READ");
        JsonNode entry = null;
        for (JsonNode e : json.readTree(api(reader, caseId)).path("record")) {
            if (task.getId().equals(e.path("taskId").asText())) {
                entry = e;
            }
        }
        assertThat(entry).as("%s's entry read back by %s", key, reader).isNotNull();
        assertThat(audited(caseId, reader, "READ")).as("the read is audited").isEqualTo(reads + 1);
        assertThat(entry.path("kind").asText()).isEqualTo(key);
        assertThat(entry.path("recordedBy").asText()).isEqualTo(user);
        Map<String, Object> read = new LinkedHashMap<>();
        for (Map.Entry<String, Object> want : expected.entrySet()) {
            JsonNode got = entry.path("fields").path(want.getKey());
            assertThat(got.isMissingNode())
                    .as("%s.%s read back", key, want.getKey())
                    .isFalse();
            Object value = want.getValue();
            if (value instanceof Instant instant) {
                assertThat(OffsetDateTime.parse(got.asText()).toInstant())
                        .as(key + "." + want.getKey())
                        .isEqualTo(instant);
            } else if (value instanceof Boolean b) {
                assertThat(got.isBoolean() && got.asBoolean() == b)
                        .as("%s.%s is %s: %s", key, want.getKey(), b, got)
                        .isTrue();
            } else if (value instanceof Integer n) {
                assertThat(got.isInt() && got.asInt() == n)
                        .as("%s.%s is %s: %s", key, want.getKey(), n, got)
                        .isTrue();
            } else if (value instanceof List<?> list) {
                assertThat(json.convertValue(got, List.class))
                        .as(key + "." + want.getKey())
                        .isEqualTo(list);
            } else {
                assertThat(got.asText()).as(key + "." + want.getKey()).isEqualTo(value);
            }
            read.put(want.getKey(), value);
        }
        return read;
    }

    private int audited(String caseId, String user, String action) {
        return jdbc.queryForObject(
                "select count(*) from pw_audit where case_id = ? and user_id = ? and action = ? and door = 'API'",
                Integer.class,
                caseId,
                user,
                action);
    }

    private String api(String user, String caseId) throws Exception {
        MvcResult result = mvc.perform(get("/api/cases/" + caseId).with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s reads %s", user, caseId)
                .isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** The page of the agency's inbox that lists the task, following "next" as a practitioner would. */
    private String inboxPageWith(String user, String taskId) throws Exception {
        String shown = "";
        for (int from = 0; from <= 2_000; from += 50) {
            shown = page(user, get("/tasks").param("from", String.valueOf(from)));
            if (shown.contains("data-task-id=\"" + taskId + "\"") || !shown.contains("rel=\"next\"")) {
                return shown;
            }
        }
        return shown;
    }

    private String page(String user, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result =
                mvc.perform(request.session(session(user)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s %s", user, result.getRequest().getRequestURI())
                .isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MockHttpSession session(String user) throws Exception {
        MockHttpSession s = sessions.get(user);
        if (s == null) {
            s = Pages.signIn(mvc, user);
            sessions.put(user, s);
        }
        return s;
    }

    /**
     * An inbox row's agency is read after the rows are listed; a task a colleague completed in between has none (its
     * row is gone at the next look) instead of failing the inbox with the engine's error.
     */
    @Test
    void aRowCompletedSinceTheInboxListedItHasNoAgencyRatherThanAnError() {
        ReferralAccepted referral = pathway.refer(14, List.of("OLDER_PARTNER"));
        Task listed = pathway.task(referral.caseId(), "screening");
        assertThat(pages.agencyOfRow(listed))
                .as("the agency of the open screening")
                .isNotBlank();

        pathway.complete(listed, "mash-worker", Pathway.SCREENING);

        assertThat(pages.agencyOfRow(listed))
                .as("the agency of the screening completed meanwhile")
                .isEmpty();
    }

    private List<String> groupsOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .toList();
    }

    private JsonNode form(String key) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/forms/" + key + ".form")) {
            return json.readTree(in);
        }
    }

    private static List<JsonNode> fields(JsonNode form) {
        List<JsonNode> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, List<JsonNode> fields) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"), fields);
            } else if (!c.path("key").asText("").isBlank()
                    && !c.path("type").asText().equals("text")) {
                fields.add(c);
            }
        }
    }
}
