package uk.pathways.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.pathways.referral.process.CseReferralProcess.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseSummary;
import uk.pathways.casefile.CaseViews;
import uk.pathways.casefile.ChronologyEntry;
import uk.pathways.casefile.DecisionRecord;
import uk.pathways.support.Pathway;

/** Every path through cse-referral, walked as the demo users would in the Tasklist. */
@PathwaysTest
class CseReferralPathwayTest {

    @Autowired
    Pathway pathway;

    @Autowired
    CaseFile caseFile;

    @Autowired
    CaseViews caseViews;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Screening with these indicators (weights from the catalogue) and flags. */
    private void screen(String caseId, List<String> indicators, boolean disclosure, boolean learningDisability) {
        pathway.complete(
                caseId,
                TASK_SCREENING,
                "mash-worker",
                Map.of(
                        "indicators",
                        indicators,
                        "disclosure",
                        disclosure,
                        "learningDisability",
                        learningDisability,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic screening notes"));
    }

    private ProcessInstance instance(ReferralAccepted referral) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(referral.processInstanceId())
                .singleResult();
    }

    @Test
    void referralStartsScreeningForMashAndRecordsTheCase() {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));

        assertThat(referral.reference()).matches("REF-\\d{4}-\\d{6}");
        assertThat(instance(referral)).isActive().isWaitingAt(TASK_SCREENING).hasBusinessKey(referral.reference());
        Task screening = pathway.task(referral.caseId(), TASK_SCREENING);
        assertThat(screening).hasCandidateGroup("mash");
        assertThat(taskService.getVariable(screening.getId(), "caseId")).isEqualTo(referral.caseId());
        assertThat(taskService.getVariable(screening.getId(), "concerns"))
                .as("concerns stay in the case record")
                .isNull();
        CaseSummary summary = caseFile.find(referral.caseId()).orElseThrow();
        assertThat(summary.stage()).isEqualTo("SCREENING");
        assertThat(caseFile.referrals(referral.caseId()))
                .singleElement()
                .satisfies(r -> assertThat(r.concerns()).isEqualTo("Synthetic concern for a test"));
        assertThat(caseFile.chronology(referral.caseId()))
                .extracting(ChronologyEntry::eventType)
                .contains("REFERRAL_RECEIVED", "TASK_CREATED");
    }

    @Test
    void universalPathwaySignpostsAndClosesTheCase() {
        ReferralAccepted referral = pathway.refer(15, List.of("CHANGED_BEHAVIOUR"));

        screen(referral.caseId(), List.of("CHANGED_BEHAVIOUR", "FAMILY_BREAKDOWN"), false, false);

        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(referral.processInstanceId())
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo(END_UNIVERSAL);
        CaseSummary summary = caseFile.find(referral.caseId()).orElseThrow();
        assertThat(summary.status()).isEqualTo("CLOSED");
        assertThat(summary.riskLevel()).isEqualTo("NONE");
        assertThat(summary.pathway()).isEqualTo("UNIVERSAL");
        DecisionRecord decision = caseFile.decisions(referral.caseId()).get(0);
        assertThat(decision.screeningScore()).isEqualTo(2);
        assertThat(decision.indicators()).containsExactly("CHANGED_BEHAVIOUR", "FAMILY_BREAKDOWN");
        assertThat(decision.decidedBy().userId()).isEqualTo("mash-worker");
        assertThat(decision.decidedBy().agency()).isEqualTo("mash");
        assertThat(caseFile.chronology(referral.caseId()))
                .extracting(ChronologyEntry::eventType)
                .contains("THRESHOLD_DECIDED", "REFERRAL_CONCLUDED");
    }

    @Test
    void earlyHelpMakesAPlanAndScreensAgainAfterTwelveWeeks() {
        Pathway.at(Now.today().withDayOfMonth(1).plusMonths(1), 10, 0);
        ReferralAccepted referral = pathway.refer(14, List.of());
        // OLDER_PARTNER 4 + SUBSTANCE_MISUSE 2 = 6: LOW
        screen(referral.caseId(), List.of("OLDER_PARTNER", "SUBSTANCE_MISUSE"), false, false);

        Task plan = pathway.task(referral.caseId(), TASK_EARLY_HELP_PLAN);
        assertThat(plan).hasCandidateGroup("childrens-services");
        assertThat(caseFile.find(referral.caseId()).orElseThrow().stage()).isEqualTo("EARLY_HELP");
        pathway.complete(
                plan,
                "childrens-services-worker",
                Map.of("leadProfessional", "Family support worker", "earlyHelpPlan", "Synthetic plan"));
        assertThat(instance(referral)).isWaitingAt(TIMER_EARLY_HELP_REVIEW);

        ClockUtil.setCurrentTime(new java.util.Date(
                Now.instant().plus(java.time.Duration.ofDays(84)).toEpochMilli() + 1000));
        assertThat(pathway.fireDueClocks(referral.processInstanceId())).isGreaterThanOrEqualTo(1);

        assertThat(pathway.tasks(referral.caseId(), TASK_SCREENING)).hasSize(1);
        assertThat(caseFile.find(referral.caseId()).orElseThrow().stage()).isEqualTo("SCREENING");
    }

    @Test
    void learningDisabilityTurnsEarlyHelpIntoAStrategyMeeting() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        screen(referral.caseId(), List.of("OLDER_PARTNER", "SUBSTANCE_MISUSE"), false, true);

        assertThat(caseFile.find(referral.caseId()).orElseThrow().riskLevel()).isEqualTo("MEDIUM");
        assertThat(pathway.task(referral.caseId(), "schedule-strategy-meeting"))
                .hasCandidateGroup("childrens-services");
    }

    @Test
    void strategyMeetingAsksEachAgencyAndEndsWithNoFurtherAction() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        // 4 + 4 + 3 = 11: MEDIUM, standard strategy meeting
        screen(referral.caseId(), List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"), false, false);
        scheduleMeeting(referral.caseId());

        List<Task> asked = pathway.tasks(referral.caseId(), "agency-information");
        assertThat(asked).hasSize(4);
        assertThat(asked.stream().map(t -> candidateGroups(t).get(0)).sorted().toList())
                .containsExactly("childrens-services", "education", "health", "police");
        Task police = asked.stream()
                .filter(t -> candidateGroups(t).contains("police"))
                .findFirst()
                .orElseThrow();
        pathway.complete(
                police,
                "police-worker",
                Map.of("agencyInformation", "Synthetic police intelligence", "restricted", true));
        assertThat(caseFile.entries(referral.caseId(), java.util.Set.of("police")))
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("agency-information");
                    assertThat(e.content()).contains("Synthetic police intelligence");
                    assertThat(e.restrictedTo()).containsExactly("police", "childrens-services");
                });
        assertThat(caseFile.entries(referral.caseId(), java.util.Set.of("childrens-services")))
                .as("the meeting's chair reads every agency's information")
                .anyMatch(e -> e.content().contains("intelligence"));
        assertThat(caseFile.entries(referral.caseId(), java.util.Set.of("health")))
                .as("restricted by the police: not for health")
                .noneMatch(e -> e.content().contains("intelligence"));
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .variableName("agencyInformation")
                        .list())
                .as("sensitive text is not kept in the engine's history")
                .isEmpty();

        holdMeeting(referral.caseId(), false, false, false);

        assertThat(pathway.tasks(referral.caseId(), "agency-information"))
                .as("information not shared by the meeting is closed")
                .isEmpty();
        // no further action closes the referral only when a children's services manager agrees (issue 15)
        Task agree = pathway.task(referral.caseId(), "approve-case-closure");
        assertThat(candidateGroups(agree)).containsExactly("childrens-services-managers");
        assertThat(caseFile.find(referral.caseId()).orElseThrow().status()).isEqualTo("OPEN");
        agreeClosure(referral.caseId(), "approve-case-closure", true);
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(referral.processInstanceId())
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo(END_NO_FURTHER_ACTION);
        assertThat(caseFile.find(referral.caseId()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(caseFile.decisions(referral.caseId()))
                .extracting(DecisionRecord::kind)
                .containsExactly("SCREENING", "STRATEGY_MEETING");
    }

    @Test
    void riseSupportRunsToAnApprovedClosure() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        screen(caseId, List.of(), true, false); // a disclosure: HIGH, urgent meeting
        assertThat(caseFile.find(caseId).orElseThrow().pathway()).isEqualTo("URGENT_STRATEGY_MEETING");
        scheduleMeeting(caseId);
        holdMeeting(caseId, true, false, false);

        Task allocate = pathway.task(caseId, TASK_ALLOCATE_SUPPORT_WORKER);
        assertThat(allocate).hasCandidateGroup("rise-managers");
        assertThat(caseFile.find(caseId).orElseThrow().stage()).isEqualTo("SUPPORT");
        pathway.complete(allocate, "rise-manager", Map.of("supportWorker", "rise-worker"));

        assertThat(pathway.openTaskKeys(caseId))
                .containsExactly(TASK_OUTCOME_WHEEL, TASK_OUTREACH_CONTACT, TASK_SAFETY_PLAN);
        assertThat(pathway.task(caseId, TASK_SAFETY_PLAN)).isAssignedTo("rise-worker");
        pathway.complete(
                caseId,
                TASK_SAFETY_PLAN,
                "rise-worker",
                Map.of(
                        "safetyPlanRisks",
                        "Synthetic risks",
                        "safetyPlanActions",
                        "Synthetic actions",
                        "safetyPlanContacts",
                        "Synthetic contacts",
                        "reviewDate",
                        uk.pathways.calendar.Now.today().plusWeeks(6).toString()));
        pathway.complete(caseId, TASK_OUTCOME_WHEEL, "rise-worker", wheel());
        assertThat(pathway.tasks(caseId, TASK_OUTCOME_WHEEL))
                .as("the next wheel is due in 6 weeks")
                .hasSize(1);
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("SUCCESSFUL", false));
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("SUCCESSFUL", true));

        Task strategy = pathway.task(caseId, TASK_CLOSURE_STRATEGY);
        assertThat(strategy).isAssignedTo("rise-worker");
        assertThat(caseFile.find(caseId).orElseThrow().stage()).isEqualTo("CLOSURE");
        assertThat(pathway.tasks(caseId, TASK_OUTREACH_CONTACT))
                .as("outreach goes on while closure is agreed")
                .hasSize(1);
        pathway.complete(
                strategy, "rise-worker", Map.of("closureReason", "OUTCOMES_ACHIEVED", "closurePlan", "Synthetic plan"));
        pathway.complete(
                caseId,
                TASK_CLOSURE_APPROVAL,
                "rise-manager",
                Map.of("closureApproved", true, "approvalComment", "Agreed"));

        assertThat(pathway.openTaskKeys(caseId)).isEmpty();
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(referral.processInstanceId())
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo(END_CASE_CLOSED);
        assertThat(caseFile.find(caseId).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(caseFile.entries(caseId, java.util.Set.of("rise")))
                .extracting(e -> e.kind())
                .contains(TASK_SAFETY_PLAN, TASK_OUTREACH_CONTACT, TASK_CLOSURE_STRATEGY);
    }

    @Test
    void rejectedClosureGoesBackToSupport() {
        String caseId = riseCase();
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("SUCCESSFUL", true));
        pathway.complete(
                caseId,
                TASK_CLOSURE_STRATEGY,
                "rise-worker",
                Map.of("closureReason", "OUTCOMES_ACHIEVED", "closurePlan", "Plan"));

        pathway.complete(
                caseId,
                TASK_CLOSURE_APPROVAL,
                "rise-manager",
                Map.of("closureApproved", false, "approvalComment", "Not yet"));

        assertThat(pathway.openTaskKeys(caseId))
                .contains(TASK_OUTREACH_CONTACT, TASK_OUTCOME_WHEEL)
                .doesNotContain(TASK_CLOSURE_APPROVAL, TASK_CLOSURE_STRATEGY);
        CaseSummary summary = caseFile.find(caseId).orElseThrow();
        assertThat(summary.status()).isEqualTo("OPEN");
        assertThat(summary.stage()).isEqualTo("SUPPORT");
        assertThat(caseFile.chronology(caseId))
                .extracting(ChronologyEntry::summary)
                .anyMatch(s -> s.contains("Closure rejected"));
    }

    @Test
    void strategyReviewEverySixWeeksCanStepDownToEarlyHelp() {
        String caseId = riseCase();
        String processInstanceId = caseFile.referrals(caseId).get(0).processInstanceId();

        ClockUtil.setCurrentTime(new java.util.Date(
                Now.instant().plus(java.time.Duration.ofDays(42)).toEpochMilli() + 1000));
        pathway.fireDueClocks(caseFile.referrals(caseId).get(0).processInstanceId());

        Task review = pathway.task(caseId, TASK_STRATEGY_REVIEW);
        assertThat(review).hasCandidateGroup("childrens-services");
        pathway.complete(
                review,
                "childrens-services-worker",
                Map.of(
                        "indicators",
                        List.of("SUBSTANCE_MISUSE"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false,
                        "reviewDecision",
                        "STEP_DOWN",
                        "reviewNotes",
                        "Improving"));

        assertThat(pathway.openTaskKeys(caseId)).containsExactly(TASK_EARLY_HELP_PLAN);
        assertThat(caseFile.decisions(caseId)).extracting(DecisionRecord::kind).contains("REVIEW");
        assertThat(caseFile.find(caseId).orElseThrow().riskLevel()).isEqualTo("NONE");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .singleResult())
                .isNotNull();
    }

    @Test
    void strategyReviewCanCloseARiseCaseThroughTheClosureStrategy() {
        String caseId = riseCase();
        ClockUtil.setCurrentTime(new java.util.Date(
                Now.instant().plus(java.time.Duration.ofDays(42)).toEpochMilli() + 1000));
        pathway.fireDueClocks(caseFile.referrals(caseId).get(0).processInstanceId());
        pathway.complete(
                caseId,
                TASK_STRATEGY_REVIEW,
                "childrens-services-worker",
                Map.of(
                        "indicators",
                        List.of(),
                        "disclosure",
                        false,
                        "learningDisability",
                        false,
                        "reviewDecision",
                        "CLOSE"));

        assertThat(pathway.tasks(caseId, TASK_CLOSURE_STRATEGY)).hasSize(1);
    }

    @Test
    void policeInvestigationAloneClosesTheCaseWhenItConcludesAndAManagerAgrees() {
        String caseId = protectionCase();

        assertThat(pathway.openTaskKeys(caseId)).containsExactly(TASK_POLICE_INVESTIGATION, TASK_SECTION_47_ENQUIRY);
        pathway.complete(
                caseId,
                TASK_SECTION_47_ENQUIRY,
                "childrens-services-worker",
                Map.of("section47Outcome", "CHILD_IN_NEED_PLAN"));
        pathway.complete(
                caseId,
                TASK_POLICE_INVESTIGATION,
                "police-worker",
                Map.of(
                        "investigationUpdate",
                        "Synthetic update",
                        "disruptionActivities",
                        List.of("CHILD_ABDUCTION_WARNING_NOTICE"),
                        "investigationConcluded",
                        false));
        assertThat(pathway.tasks(caseId, TASK_POLICE_INVESTIGATION))
                .as("the investigation goes on")
                .hasSize(1);
        pathway.complete(
                caseId,
                TASK_POLICE_INVESTIGATION,
                "police-worker",
                Map.of(
                        "investigationUpdate",
                        "Charged",
                        "investigationConcluded",
                        true,
                        "investigationOutcome",
                        "CHARGED"));

        assertThat(pathway.openTaskKeys(caseId))
                .as("every track ended: a manager agrees the closure")
                .containsExactly("approve-case-closure");
        assertThat(caseFile.find(caseId).orElseThrow().status()).isEqualTo("OPEN");
        agreeClosure(caseId, "approve-case-closure", true);
        assertThat(caseFile.find(caseId).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(caseFile.entries(caseId, java.util.Set.of("childrens-services")))
                .as("police updates are for police only")
                .noneMatch(e -> e.kind().equals(TASK_POLICE_INVESTIGATION));
    }

    @Test
    void aSecondReferralForTheSameChildJoinsTheCaseAndReopensIt() {
        var child = Pathway.child(15);
        ReferralAccepted first = pathway.refer(child, List.of());
        screen(first.caseId(), List.of(), false, false); // universal: case closes
        assertThat(caseFile.find(first.caseId()).orElseThrow().status()).isEqualTo("CLOSED");

        ReferralAccepted second = pathway.refer(
                new uk.pathways.casefile.ChildDetails(
                        " " + child.firstName().toUpperCase() + " ",
                        child.lastName().toLowerCase(),
                        child.dateOfBirth(),
                        null,
                        null,
                        null,
                        false,
                        null),
                List.of());

        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(second.joinedExistingCase()).isTrue();
        assertThat(caseFile.find(first.caseId()).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(caseFile.referrals(first.caseId())).hasSize(2);
    }

    @Test
    void aReferralWithinTheReopeningPeriodReopensTheCaseWithItsHistoryAndALaterOneStartsANewEpisode() {
        var child = Pathway.child(15);
        ReferralAccepted first = pathway.refer(child, List.of());
        screen(first.caseId(), List.of(), false, false); // universal: the case closes
        Instant closedAt = caseFile.find(first.caseId()).orElseThrow().closedAt();

        // eleven months on: within the 12-month period, reopened with its history
        ClockUtil.setCurrentTime(
                java.util.Date.from(closedAt.atZone(Now.UK).plusMonths(11).toInstant()));
        ReferralAccepted second = pathway.refer(child, List.of());
        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(chronology(first.caseId(), "CASE_REOPENED"))
                .singleElement()
                .asString()
                .startsWith("Case reopened with its history: it was closed on ")
                .contains("within the reopening period of 12 months");
        screen(first.caseId(), List.of(), false, false); // universal again: closes again

        // thirteen months after that closure: a new episode on the same record, not a reopening
        Instant closedAgain = caseFile.find(first.caseId()).orElseThrow().closedAt();
        ClockUtil.setCurrentTime(
                java.util.Date.from(closedAgain.atZone(Now.UK).plusMonths(13).toInstant()));
        ReferralAccepted third = pathway.refer(child, List.of());
        assertThat(third.caseId()).isEqualTo(first.caseId());
        assertThat(chronology(first.caseId(), "CASE_REOPENED")).hasSize(1);
        assertThat(chronology(first.caseId(), "CASE_STARTED_AGAIN"))
                .singleElement()
                .asString()
                .contains("longer ago than the reopening period of 12 months");
        assertThat(caseFile.find(first.caseId()).orElseThrow().status()).isEqualTo("OPEN");
    }

    private List<String> chronology(String caseId, String eventType) {
        return caseFile.chronology(caseId).stream()
                .filter(e -> e.eventType().equals(eventType))
                .map(ChronologyEntry::summary)
                .toList();
    }

    @Test
    void aPartnerSystemCanReferByMessageWithTheApiBody() {
        var child = Pathway.child(12);
        String body = """
                {"child": {"firstName": "%s", "lastName": "%s", "dateOfBirth": "%s"},
                 "referrer": {"agency": "police", "name": "Pat Example", "email": "pat.example@police.example"},
                 "concerns": "Synthetic concern sent by a police system", "indicators": ["LOCATIONS_OF_CONCERN"]}
                """.formatted(child.firstName(), child.lastName(), child.dateOfBirth());

        ProcessInstance instance = runtimeService
                .createMessageCorrelation(MESSAGE_RECEIVED)
                .setVariable("referral", body)
                .correlateStartMessage();

        assertThat(instance.getBusinessKey()).matches("REF-\\d{4}-\\d{6}");
        String caseId = (String) runtimeService.getVariable(instance.getId(), "caseId");
        assertThat(pathway.task(caseId, TASK_SCREENING)).hasCandidateGroup("mash");
        assertThat(caseFile.referrals(caseId)).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("MESSAGE");
            assertThat(r.concerns()).isEqualTo("Synthetic concern sent by a police system");
            assertThat(r.processInstanceId()).isEqualTo(instance.getId());
        });
        assertThat(runtimeService.getVariable(instance.getId(), "referral"))
                .as("the payload with concerns is not kept")
                .isNull();
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName("referral")
                        .count())
                .isZero();
    }

    @Test
    void aBadMessageReferralCreatesNothing() {
        long instances = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .count();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService
                        .createMessageCorrelation(MESSAGE_RECEIVED)
                        .setVariable("referral", "{\"child\": {\"firstName\": \"\"}}")
                        .correlateStartMessage())
                .hasMessageContaining("child.firstName");

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(instances);
    }

    // --- steps shared by the paths

    private void agreeClosure(String caseId, String key, boolean agreed) {
        pathway.complete(
                caseId,
                key,
                "childrens-services-manager",
                Map.of(
                        key.equals("approve-case-closure") ? "caseClosureApproved" : "reviewClosureApproved",
                        agreed,
                        "closureComment",
                        agreed ? "Synthetic: agreed, the child is safe" : "Synthetic: not yet, the risk remains"));
    }

    /** A case with a section 47 enquiry and a police investigation, and no RISE support. */
    private String protectionCase() {
        ReferralAccepted referral = pathway.refer(16, List.of());
        screen(
                referral.caseId(),
                List.of(
                        "OLDER_PARTNER",
                        "CONTROLLED_BY_OTHERS",
                        "UNEXPLAINED_GIFTS",
                        "SEXUAL_HEALTH",
                        "PEERS_EXPLOITED"),
                false,
                false);
        scheduleMeeting(referral.caseId());
        holdMeeting(referral.caseId(), false, true, true);
        return referral.caseId();
    }

    @Test
    void aClosureTheManagerDoesNotAgreeCallsTheStrategyMeetingAgain() {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS"));
        screen(referral.caseId(), List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"), false, false);
        scheduleMeeting(referral.caseId());
        holdMeeting(referral.caseId(), false, false, false);

        agreeClosure(referral.caseId(), "approve-case-closure", false);

        assertThat(pathway.openTaskKeys(referral.caseId())).containsExactly("schedule-strategy-meeting");
        assertThat(caseFile.find(referral.caseId()).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(caseViews
                        .view(referral.caseId(), "childrens-services-worker")
                        .orElseThrow()
                        .record())
                .as("the manager's reasons are in the case record")
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("approve-case-closure");
                    assertThat(e.fields()).containsEntry("closureComment", "Synthetic: not yet, the risk remains");
                });

        // the meeting meets again and decides a section 47 enquiry: the case goes on with it
        scheduleMeeting(referral.caseId());
        holdMeeting(referral.caseId(), false, true, false);
        assertThat(pathway.openTaskKeys(referral.caseId())).contains(TASK_SECTION_47_ENQUIRY);
    }

    @Test
    void aStrategyReviewThatClosesACaseWithoutRiseNeedsAManagerToAgree() {
        String caseId = protectionCase();
        ClockUtil.setCurrentTime(new java.util.Date(
                Now.instant().plus(java.time.Duration.ofDays(42)).toEpochMilli() + 1000));
        pathway.fireDueClocks(caseFile.referrals(caseId).get(0).processInstanceId());
        reviewDecides(caseId, "CLOSE");

        Task agree = pathway.task(caseId, "approve-review-closure");
        assertThat(candidateGroups(agree)).containsExactly("childrens-services-managers");
        agreeClosure(caseId, "approve-review-closure", false);
        assertThat(caseFile.find(caseId).orElseThrow().status())
                .as("not agreed: the case goes on")
                .isEqualTo("OPEN");
        assertThat(caseFile.find(caseId).orElseThrow().stage())
                .as("back at support, not left at closure")
                .isEqualTo("SUPPORT");
        assertThat(pathway.openTaskKeys(caseId)).containsExactly(TASK_POLICE_INVESTIGATION, TASK_SECTION_47_ENQUIRY);

        ClockUtil.setCurrentTime(new java.util.Date(
                Now.instant().plus(java.time.Duration.ofDays(42)).toEpochMilli() + 1000));
        pathway.fireDueClocks(caseFile.referrals(caseId).get(0).processInstanceId());
        reviewDecides(caseId, "CLOSE");
        agreeClosure(caseId, "approve-review-closure", true);
        assertThat(caseFile.find(caseId).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(pathway.openTaskKeys(caseId)).isEmpty();
    }

    private void reviewDecides(String caseId, String decision) {
        pathway.complete(
                caseId,
                TASK_STRATEGY_REVIEW,
                "childrens-services-worker",
                Map.of(
                        "indicators",
                        List.of(),
                        "disclosure",
                        false,
                        "learningDisability",
                        false,
                        "reviewDecision",
                        decision));
    }

    private String riseCase() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        screen(caseId, List.of(), true, false);
        scheduleMeeting(caseId);
        holdMeeting(caseId, true, false, false);
        pathway.complete(caseId, TASK_ALLOCATE_SUPPORT_WORKER, "rise-manager", Map.of("supportWorker", "rise-worker"));
        return caseId;
    }

    private void scheduleMeeting(String caseId) {
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Now.instant().plus(java.time.Duration.ofHours(20)).toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"));
    }

    private void holdMeeting(String caseId, boolean rise, boolean section47, boolean police) {
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        rise,
                        "section47",
                        section47,
                        "policeInvestigation",
                        police,
                        "meetingMinutes",
                        "Synthetic minutes"));
    }

    private static Map<String, Object> wheel() {
        return Map.of(
                "wheelSafety",
                4,
                "wheelRelationships",
                5,
                "wheelHealth",
                6,
                "wheelEmotional",
                3,
                "wheelEducation",
                5,
                "wheelChoices",
                4,
                "wheelNotes",
                "Synthetic notes");
    }

    private static Map<String, Object> contact(String outcome, boolean proposeClosure) {
        return Map.of(
                "contactAt",
                Now.instant().toString(),
                "contactLocation",
                "Youth centre",
                "contactOutcome",
                outcome,
                "topicsCovered",
                List.of("ONLINE_SAFETY"),
                "onwardReferrals",
                List.of("CAMHS"),
                "proposeClosure",
                proposeClosure);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .toList();
    }
}
