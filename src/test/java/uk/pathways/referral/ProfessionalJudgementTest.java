package uk.pathways.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.DecisionRecord;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.support.Pathway;

/**
 * A screening practitioner may record a professional judgement that differs from the cse-threshold decision, with
 * the reason; a MASH manager agrees (the case follows the judgement) or not (the decision stands); the case keeps the
 * decision and the judgement side by side.
 */
@PathwaysTest
class ProfessionalJudgementTest {

    @Autowired
    Pathway pathway;

    @Autowired
    CaseFile caseFile;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    /** OLDER_PARTNER 4 + SUBSTANCE_MISUSE 2 = 6: LOW, early help, unless judged otherwise. */
    private void screenLowJudgedHigh(String caseId, String reason) {
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                reason == null
                        ? Map.of(
                                "indicators",
                                List.of("OLDER_PARTNER", "SUBSTANCE_MISUSE"),
                                "disclosure",
                                false,
                                "learningDisability",
                                false,
                                "exploitationType",
                                "SEXUAL",
                                "overrideRiskLevel",
                                "HIGH")
                        : Map.of(
                                "indicators",
                                List.of("OLDER_PARTNER", "SUBSTANCE_MISUSE"),
                                "disclosure",
                                false,
                                "learningDisability",
                                false,
                                "exploitationType",
                                "SEXUAL",
                                "overrideRiskLevel",
                                "HIGH",
                                "overrideReason",
                                reason));
    }

    @Test
    void anAgreedJudgementSendsTheCaseToTheUrgentMeetingAndKeepsBothDecisions() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        String caseId = referral.caseId();
        screenLowJudgedHigh(caseId, "Synthetic: an older adult collects her from school daily");

        Task approval = pathway.task(caseId, "approve-override");
        assertThat(approval).hasCandidateGroup("mash-managers");
        assertThat(pathway.openTaskKeys(caseId)).containsExactly("approve-override");
        assertThat(caseFile.find(caseId).orElseThrow().riskLevel())
                .as("the decision stands until a manager agrees")
                .isEqualTo("LOW");

        pathway.complete(
                approval, "mash-manager", Map.of("overrideAgreed", true, "managerComment", "Agreed: synthetic"));

        assertThat(pathway.openTaskKeys(caseId)).containsExactly("schedule-strategy-meeting");
        assertThat(caseFile.find(caseId).orElseThrow().riskLevel()).isEqualTo("HIGH");
        assertThat(caseFile.find(caseId).orElseThrow().pathway()).isEqualTo("URGENT_STRATEGY_MEETING");
        assertThat(caseFile.decisions(caseId))
                .extracting(DecisionRecord::kind, DecisionRecord::riskLevel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SCREENING", "LOW"),
                        org.assertj.core.groups.Tuple.tuple("OVERRIDE", "HIGH"));
        assertThat(caseFile.decisions(caseId).get(1).decidedBy().userId()).isEqualTo("mash-manager");
        assertThat(caseFile.chronology(caseId))
                .anySatisfy(
                        e -> assertThat(e.summary())
                                .isEqualTo(
                                        "Professional judgement agreed: risk high instead of the threshold's low, pathway urgent strategy meeting"));
        assertThat(caseFile.entries(caseId, java.util.Set.of("mash")))
                .anySatisfy(e -> assertThat(e.content()).contains("an older adult collects her from school daily"));
    }

    @Test
    void theDashboardsCountTheJudgementsByTheManagersAnswer() throws Exception {
        java.time.LocalDate today = uk.pathways.calendar.Now.today();
        long agreedBefore = judgements(today, "AGREED");
        ReferralAccepted referral = pathway.refer(14, List.of());
        screenLowJudgedHigh(referral.caseId(), "Synthetic reason");
        pathway.complete(
                pathway.task(referral.caseId(), "approve-override"), "mash-manager", Map.of("overrideAgreed", true));
        assertThat(judgements(today, "AGREED")).isEqualTo(agreedBefore + 1);
    }

    private long judgements(java.time.LocalDate day, String answer) throws Exception {
        org.springframework.test.web.servlet.MockMvc mvc = uk.pathways.web.Pages.mvc(context);
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/kpis")
                        .param("from", day.toString())
                        .param("to", day.toString())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("admin", uk.pathways.web.Pages.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body)
                .path("professionalJudgements")
                .path(answer)
                .asLong(0);
    }

    @Test
    void aJudgementNotAgreedLeavesTheThresholdsDecision() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        String caseId = referral.caseId();
        screenLowJudgedHigh(caseId, "Synthetic reason");
        pathway.complete(pathway.task(caseId, "approve-override"), "mash-manager", Map.of("overrideAgreed", false));

        assertThat(pathway.openTaskKeys(caseId)).containsExactly("early-help-plan");
        assertThat(caseFile.find(caseId).orElseThrow().riskLevel()).isEqualTo("LOW");
        assertThat(caseFile.decisions(caseId))
                .extracting(DecisionRecord::kind)
                .containsExactly("SCREENING", "OVERRIDE");
        assertThat(caseFile.decisions(caseId).get(1).outcome()).isEqualTo("NOT_AGREED");
    }

    @Test
    void aJudgementNeedsItsReasonAndOneEqualToTheDecisionAsksNobody() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        String caseId = referral.caseId();
        assertThatThrownBy(() -> screenLowJudgedHigh(caseId, null))
                .isInstanceOf(TaskInputRefused.class)
                .hasMessageContaining("overrideReason");
        assertThat(pathway.openTaskKeys(caseId)).containsExactly("screening");

        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("OLDER_PARTNER", "SUBSTANCE_MISUSE"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "overrideRiskLevel",
                        "LOW",
                        "overrideReason",
                        "Same as the table"));
        assertThat(pathway.openTaskKeys(caseId)).containsExactly("early-help-plan");
    }

    // ---- at a strategy review: a children's services manager agrees (issue 15) ----

    /** A police-only case six weeks on, its strategy review open. */
    private String caseAtItsReview() {
        ReferralAccepted referral = pathway.refer(16, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false));
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        uk.pathways.calendar.Now.instant()
                                .plus(java.time.Duration.ofHours(20))
                                .toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"));
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of("riseAccepted", false, "section47", false, "policeInvestigation", true));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(uk.pathways.calendar.Now.instant()
                        .plus(java.time.Duration.ofDays(42))
                        .toEpochMilli()
                + 1000));
        pathway.fireDueClocks(referral.processInstanceId());
        return caseId;
    }

    private void reviewJudgedHigh(String caseId, String reason) {
        java.util.Map<String, Object> form = new java.util.HashMap<>();
        form.put("indicators", List.of());
        form.put("disclosure", false);
        form.put("learningDisability", false);
        form.put("reviewDecision", "CONTINUE");
        form.put("overrideRiskLevel", "HIGH");
        if (reason != null) {
            form.put("overrideReason", reason);
        }
        pathway.complete(caseId, "strategy-review", "childrens-services-worker", form);
    }

    @Test
    void aReviewJudgementDifferentFromTheThresholdWaitsForAChildrensServicesManager() {
        String caseId = caseAtItsReview();
        try {
            assertThatThrownBy(() -> reviewJudgedHigh(caseId, null))
                    .as("a judgement without its reason is refused, naming the field")
                    .hasMessageContaining("overrideReason");
            reviewJudgedHigh(caseId, "Synthetic: seen twice with the same older men since the meeting");

            Task approval = pathway.task(caseId, "approve-review-override");
            assertThat(approval).hasCandidateGroup("childrens-services-managers");
            assertThat(caseFile.find(caseId).orElseThrow().riskLevel())
                    .as("the review's decision stands until a manager agrees")
                    .isEqualTo("NONE");
            pathway.complete(
                    approval,
                    "childrens-services-manager",
                    Map.of("overrideAgreed", true, "managerComment", "Agreed: synthetic"));

            assertThat(caseFile.find(caseId).orElseThrow().riskLevel()).isEqualTo("HIGH");
            assertThat(caseFile.decisions(caseId))
                    .extracting(DecisionRecord::kind)
                    .endsWith("REVIEW", "OVERRIDE");
            DecisionRecord judged =
                    caseFile.decisions(caseId).get(caseFile.decisions(caseId).size() - 1);
            assertThat(judged.decidedBy().userId()).isEqualTo("childrens-services-manager");
            assertThat(pathway.openTaskKeys(caseId))
                    .as("the review continues the case: the investigation goes on")
                    .containsExactly("police-investigation");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void aReviewJudgementNotAgreedLeavesTheReviewsDecision() {
        String caseId = caseAtItsReview();
        try {
            reviewJudgedHigh(caseId, "Synthetic reason");
            pathway.complete(
                    pathway.task(caseId, "approve-review-override"),
                    "childrens-services-manager",
                    Map.of("overrideAgreed", false));
            assertThat(caseFile.find(caseId).orElseThrow().riskLevel()).isEqualTo("NONE");
            assertThat(caseFile.decisions(caseId)
                            .get(caseFile.decisions(caseId).size() - 1)
                            .outcome())
                    .isEqualTo("NOT_AGREED");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }
}
