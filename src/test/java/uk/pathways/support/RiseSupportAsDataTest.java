package uk.pathways.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.pathways.referral.process.CseReferralProcess.*;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseEntry;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.ChronologyEntry;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.referral.ReferralAccepted;

/**
 * RISE support recorded as data (issue 15) on the real engine: the assertive-outreach clock from the last successful
 * contact's real time; onward referrals as entries with a status, followed up by a reminder and a task of their own
 * that escalates; the safety plan's review date, its review task and its versions.
 */
@PathwaysTest
class RiseSupportAsDataTest {

    @Autowired
    Pathway pathway;

    @Autowired
    CaseFile caseFile;

    @Autowired
    TaskService taskService;

    @Autowired
    OnwardReferrals onwardReferrals;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theOutreachClockRunsFromTheLastSuccessfulContactsRealTimeNotWhenItWasTyped() {
        RiseCase rise = riseCase();
        String caseId = rise.caseId();

        // typed on Thursday, the contact happened on Tuesday 11:00: 10 working days from then is Tuesday 8 December
        Pathway.at(uk(2026, 11, 26, 10, 0));
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("SUCCESSFUL", uk(2026, 11, 24, 11, 0)));
        assertThat(pathway.task(caseId, TASK_OUTREACH_CONTACT).getDueDate()).isEqualTo(date(uk(2026, 12, 8, 11, 0)));
        assertThat(caseFile.chronology(caseId))
                .filteredOn(e -> e.eventType().equals("OUTREACH_CONTACT"))
                .extracting(ChronologyEntry::occurredAt)
                .containsExactly(uk(2026, 11, 24, 11, 0).toInstant());

        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("NOT_FOUND", uk(2026, 11, 25, 18, 0)));
        assertThat(pathway.task(caseId, TASK_OUTREACH_CONTACT).getDueDate())
                .as("an unsuccessful contact does not restart the clock")
                .isEqualTo(date(uk(2026, 12, 8, 11, 0)));

        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("SUCCESSFUL", uk(2026, 11, 23, 17, 0)));
        assertThat(pathway.task(caseId, TASK_OUTREACH_CONTACT).getDueDate())
                .as("a successful contact recorded late, before the last one, does not move the clock back")
                .isEqualTo(date(uk(2026, 12, 8, 11, 0)));

        Task open = pathway.task(caseId, TASK_OUTREACH_CONTACT);
        assertThatThrownBy(() -> pathway.complete(open, "rise-worker", contact("SUCCESSFUL", uk(2026, 11, 27, 10, 0))))
                .as("a contact dated in the future")
                .isInstanceOf(TaskInputRefused.class)
                .satisfies(e -> assertThat(((TaskInputRefused) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("contactAt"));
        assertThat(pathway.task(caseId, TASK_OUTREACH_CONTACT).getId())
                .as("the task stays open")
                .isEqualTo(open.getId());

        Pathway.at(uk(2026, 12, 8, 11, 1));
        pathway.fireDueClocks(rise.processInstanceId());
        Task late = pathway.task(caseId, TASK_OUTREACH_CONTACT);
        assertThat(candidateGroups(late)).containsExactlyInAnyOrder("rise", "rise-managers");
        assertThat(taskService.getVariableLocal(late.getId(), "escalated")).isEqualTo(true);
    }

    @Test
    void eachOnwardReferralIsAnEntryWithAStatusFollowedUpUntilItsOutcomeAndEscalated() {
        RiseCase rise = riseCase();
        String caseId = rise.caseId();

        Pathway.at(uk(2026, 11, 26, 10, 0));
        Map<String, Object> first = contact("SUCCESSFUL", uk(2026, 11, 26, 9, 30));
        first.put("onwardReferrals", List.of("CAMHS", "ISVA"));
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", first);
        assertThat(onwardReferrals.ofCase(caseId))
                .extracting(OnwardReferral::service, OnwardReferral::status, OnwardReferral::madeAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "CAMHS",
                                OnwardReferral.MADE,
                                uk(2026, 11, 26, 9, 30).toInstant()),
                        org.assertj.core.groups.Tuple.tuple(
                                "ISVA",
                                OnwardReferral.MADE,
                                uk(2026, 11, 26, 9, 30).toInstant()));
        assertThat(pathway.tasks(caseId, TASK_ONWARD_REFERRAL))
                .as("not asked yet")
                .isEmpty();

        // a later contact records the ISVA's outcome; one naming a service with no referral is refused
        Pathway.at(uk(2026, 11, 30, 10, 0));
        Map<String, Object> nothingToUpdate = contact("SUCCESSFUL", uk(2026, 11, 30, 9, 0));
        nothingToUpdate.put("onwardReferralsAccepted", List.of("HOUSING"));
        Task contact = pathway.task(caseId, TASK_OUTREACH_CONTACT);
        assertThatThrownBy(() -> pathway.complete(contact, "rise-worker", nothingToUpdate))
                .isInstanceOf(TaskInputRefused.class)
                .satisfies(e -> assertThat(((TaskInputRefused) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("onwardReferralsAccepted"));
        Map<String, Object> second = contact("SUCCESSFUL", uk(2026, 11, 30, 9, 0));
        second.put("onwardReferralsOutcome", List.of("ISVA"));
        pathway.complete(contact, "rise-worker", second);
        assertThat(status(caseId, "ISVA")).isEqualTo(OnwardReferral.OUTCOME_RECORDED);
        assertThat(status(caseId, "CAMHS")).isEqualTo(OnwardReferral.MADE);

        // 10 working days after it was made, only the CAMHS referral is asked about, by a task of its own
        Pathway.at(uk(2026, 12, 10, 9, 59));
        pathway.fireDueClocks(rise.processInstanceId());
        assertThat(pathway.tasks(caseId, TASK_ONWARD_REFERRAL)).isEmpty();
        Pathway.at(uk(2026, 12, 10, 10, 1));
        pathway.fireDueClocks(rise.processInstanceId());
        Task ask = pathway.task(caseId, TASK_ONWARD_REFERRAL);
        assertThat(ask.getName()).isEqualTo("Follow up the onward referral to CAMHS");
        assertThat(ask.getAssignee()).isEqualTo("rise-worker");
        assertThat(ask.getDueDate()).as("5 working days").isEqualTo(date(uk(2026, 12, 17, 10, 1)));

        // not answered in time: escalated to the RISE managers
        Pathway.at(uk(2026, 12, 17, 10, 2));
        pathway.fireDueClocks(rise.processInstanceId());
        Task late = pathway.task(caseId, TASK_ONWARD_REFERRAL);
        assertThat(late.getId()).isEqualTo(ask.getId());
        assertThat(candidateGroups(late)).containsExactlyInAnyOrder("rise", "rise-managers");
        assertThat(taskService.getVariableLocal(late.getId(), "escalated")).isEqualTo(true);

        // still waiting: asked again after the reminder clock
        pathway.complete(late, "rise-worker", Map.of("onwardReferralStatus", "WAITING"));
        assertThat(status(caseId, "CAMHS")).isEqualTo(OnwardReferral.WAITING);
        assertThat(pathway.tasks(caseId, TASK_ONWARD_REFERRAL)).isEmpty();
        Pathway.at(uk(2027, 1, 6, 10, 0));
        pathway.fireDueClocks(rise.processInstanceId());
        Task again = pathway.task(caseId, TASK_ONWARD_REFERRAL);

        // an outcome needs what the service said; then the follow-up ends
        assertThatThrownBy(() ->
                        pathway.complete(again, "rise-worker", Map.of("onwardReferralStatus", "OUTCOME_RECORDED")))
                .isInstanceOf(TaskInputRefused.class)
                .satisfies(e -> assertThat(((TaskInputRefused) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("onwardReferralNotes"));
        pathway.complete(
                again,
                "rise-worker",
                Map.of(
                        "onwardReferralStatus",
                        "OUTCOME_RECORDED",
                        "onwardReferralNotes",
                        "Synthetic: seen by CAMHS, six sessions offered"));
        assertThat(status(caseId, "CAMHS")).isEqualTo(OnwardReferral.OUTCOME_RECORDED);
        Pathway.at(uk(2027, 3, 1, 10, 0));
        pathway.fireDueClocks(rise.processInstanceId());
        assertThat(pathway.tasks(caseId, TASK_ONWARD_REFERRAL))
                .as("asked no more")
                .isEmpty();
        assertThat(pathway.runtime()
                        .createExecutionQuery()
                        .processInstanceId(rise.processInstanceId())
                        .activityId(SUBPROCESS_ONWARD_REFERRAL)
                        .count())
                .isZero();
        assertThat(caseFile.chronology(caseId))
                .extracting(ChronologyEntry::summary)
                .contains(
                        "Onward referral made: CAMHS.",
                        "Onward referral to Independent sexual violence adviser: outcome recorded.",
                        "Onward referral to CAMHS: waiting.",
                        "Onward referral to CAMHS: outcome recorded.");
    }

    @Test
    void theSafetyPlanNamesItsReviewDateAndARevisedPlanSupersedesTheOldOne() {
        RiseCase rise = riseCase();
        String caseId = rise.caseId();

        Pathway.at(uk(2026, 11, 24, 10, 0));
        Task plan = pathway.task(caseId, TASK_SAFETY_PLAN);
        assertThatThrownBy(() -> pathway.complete(plan, "rise-worker", safetyPlan("first", "2026-11-24")))
                .isInstanceOf(TaskInputRefused.class)
                .satisfies(e -> assertThat(((TaskInputRefused) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("reviewDate"));
        pathway.complete(plan, "rise-worker", safetyPlan("first", "2026-12-22"));
        assertThat(pathway.tasks(caseId, TASK_SAFETY_PLAN)).isEmpty();

        // the review date comes: the support worker is asked to review it, with a clock that escalates
        Pathway.at(uk(2026, 12, 22, 9, 1));
        pathway.fireDueClocks(rise.processInstanceId());
        Task review = pathway.task(caseId, TASK_SAFETY_PLAN);
        assertThat(review.getName()).isEqualTo("Review the safety plan");
        assertThat(review.getAssignee()).isEqualTo("rise-worker");
        assertThat(review.getDueDate()).as("5 working days, across Christmas").isEqualTo(date(uk(2026, 12, 31, 9, 1)));
        Pathway.at(uk(2026, 12, 31, 9, 2));
        pathway.fireDueClocks(rise.processInstanceId());
        assertThat(candidateGroups(pathway.task(caseId, TASK_SAFETY_PLAN)))
                .containsExactlyInAnyOrder("rise", "rise-managers");

        pathway.complete(review, "rise-worker", safetyPlan("revised", "2027-02-16"));
        List<CaseEntry> plans = caseFile.allEntries(caseId).stream()
                .filter(e -> e.kind().equals(TASK_SAFETY_PLAN))
                .toList();
        assertThat(plans).hasSize(2);
        assertThat(plans.get(0).content()).contains("Synthetic first risks").contains("2026-12-22");
        assertThat(plans.get(1).content()).contains("Synthetic revised risks").contains("2027-02-16");
        assertThat(plans.get(1).supersedes())
                .as("the revised plan replaces the first")
                .isEqualTo(plans.get(0).id());
        assertThat(pathway.runtime().getVariable(rise.processInstanceId(), SAFETY_PLAN_REVIEW_AT))
                .isEqualTo(date(uk(2027, 2, 16, 9, 0)));
    }

    // ---- helpers ----

    record RiseCase(String caseId, String processInstanceId) {}

    /** A referral taken to RISE support: accepted on Monday 23 November 2026 at 16:00, rise-worker allocated. */
    private RiseCase riseCase() {
        Pathway.at(uk(2026, 11, 23, 9, 0));
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                TASK_SCREENING,
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("meetingAt", "2026-11-23T15:00", "meetingPlace", "Synthetic office"));
        Pathway.at(uk(2026, 11, 23, 16, 0));
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        true,
                        "section47",
                        false,
                        "policeInvestigation",
                        false,
                        "meetingMinutes",
                        "Synthetic minutes"));
        pathway.complete(caseId, TASK_ALLOCATE_SUPPORT_WORKER, "rise-manager", Map.of("supportWorker", "rise-worker"));
        return new RiseCase(caseId, referral.processInstanceId());
    }

    private String status(String caseId, String service) {
        return onwardReferrals.ofCase(caseId).stream()
                .filter(r -> r.service().equals(service))
                .reduce((a, b) -> b)
                .orElseThrow()
                .status();
    }

    private static Map<String, Object> contact(String outcome, ZonedDateTime at) {
        Map<String, Object> form = new HashMap<>();
        form.put("contactAt", at.toInstant().toString());
        form.put("contactLocation", "Synthetic park");
        form.put("contactOutcome", outcome);
        form.put("proposeClosure", false);
        return form;
    }

    private static Map<String, Object> safetyPlan(String version, String reviewDate) {
        return Map.of(
                "safetyPlanRisks",
                "Synthetic " + version + " risks",
                "safetyPlanActions",
                "Synthetic " + version + " actions",
                "reviewDate",
                reviewDate);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .toList();
    }

    private static ZonedDateTime uk(int year, int month, int day, int hour, int minute) {
        return LocalDate.of(year, month, day).atTime(hour, minute).atZone(Now.UK);
    }

    private static Date date(ZonedDateTime time) {
        return Date.from(time.toInstant());
    }
}
