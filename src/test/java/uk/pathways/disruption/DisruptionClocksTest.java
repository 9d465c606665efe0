package uk.pathways.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.agency.Actor;
import uk.pathways.audit.AuditEntry;
import uk.pathways.calendar.Clocks;
import uk.pathways.calendar.Now;
import uk.pathways.disruption.process.DisruptionOrderProcess;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.support.Pathway;
import uk.pathways.web.InvalidInputException;

/**
 * Each clock of a register entry on the real engine, moved by the engine's clock: the review task on the review day
 * (due within its clock, escalated to police-managers when late, repeated after the tactic's review period while the
 * tactic is needed, ending the entry when it is not); the expiry task the notice before expiry (renewed: asked again
 * before the new expiry; let lapse: the entry ends on its expiry day); and the outcome recorded on the register ending
 * every clock. What the forms record stays in the register, never in the engine.
 */
@PathwaysTest
class DisruptionClocksTest {

    static final Actor POLICE = new Actor("police-worker", "police");

    @Autowired
    Disruptions disruptions;

    @Autowired
    Pathway pathway;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Clocks clocks;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Disruption record(String tactic, String subject, LocalDate served, LocalDate expires) {
        return disruptions.record(
                new NewDisruption(
                        tactic,
                        subject,
                        List.of(),
                        null,
                        "police",
                        served.toString(),
                        expires == null ? null : expires.toString()),
                POLICE,
                AuditEntry.DOOR_API);
    }

    private Task task(Disruption entry, String key) {
        return taskService
                .createTaskQuery()
                .processInstanceId(entry.processInstanceId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    private Job timerAt(Disruption entry, String activity) {
        return management
                .createJobQuery()
                .timers()
                .processInstanceId(entry.processInstanceId())
                .activityId(activity)
                .singleResult();
    }

    private static Date nineOn(LocalDate day) {
        return Date.from(day.atTime(9, 0).atZone(Now.UK).toInstant());
    }

    private boolean running(Disruption entry) {
        return runtime.createProcessInstanceQuery()
                        .processInstanceId(entry.processInstanceId())
                        .count()
                > 0;
    }

    @Test
    void theReviewComesOnTheReviewDayEscalatesWhenLateRepeatsWhileNeededAndEndsTheEntryWhenNot() {
        Pathway.at(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, Now.UK));
        String subject = Subjects.person(jdbc, "Synthetic Person Echo");
        Disruption entry = record("CAWN", subject, LocalDate.of(2026, 11, 30), LocalDate.of(2028, 11, 29));
        assertThat(entry.reviewOn()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(task(entry, DisruptionOrderProcess.TASK_REVIEW))
                .as("no review before its day")
                .isNull();
        assertThat(timerAt(entry, "Timer_ReviewDay").getDuedate()).isEqualTo(nineOn(LocalDate.of(2027, 2, 28)));
        assertThat(timerAt(entry, "Timer_ExpiryNotice").getDuedate())
                .as("the expiry task comes 4 weeks before the expiry")
                .isEqualTo(nineOn(LocalDate.of(2028, 11, 1)));

        // the review day (a Sunday) comes: the review task is the police's, due within 5 working days
        Pathway.at(ZonedDateTime.of(2027, 2, 28, 9, 1, 0, 0, Now.UK));
        assertThat(pathway.fireDueClocks(entry.processInstanceId())).isEqualTo(1);
        Task review = task(entry, DisruptionOrderProcess.TASK_REVIEW);
        assertThat(review.getName()).isEqualTo("Review the child abduction warning notice " + entry.id());
        assertThat(groups(review)).containsExactly("police");
        assertThat(review.getDueDate()).isEqualTo(clocks.due("disruption-review"));

        // late: escalated to police-managers, still open
        Pathway.at(review.getDueDate().toInstant().plusSeconds(60).atZone(Now.UK));
        pathway.fireDueClocks(entry.processInstanceId());
        review = task(entry, DisruptionOrderProcess.TASK_REVIEW);
        assertThat(groups(review)).contains("police", "police-managers");
        assertThat(taskService.getVariableLocal(review.getId(), "escalated")).isEqualTo(true);

        // still needed, with a breach seen since: the next review comes 3 months on
        LocalDate reviewedOn = Now.today();
        Map<String, Object> form = new HashMap<>();
        form.put("stillNeeded", "YES");
        form.put("breachedOn", "2027-02-20");
        form.put("breachNote", "MARKER-BREACH-7731 seen near the park (synthetic)");
        form.put("reviewNotes", "MARKER-REVIEW-7731 still a risk (synthetic)");
        pathway.complete(review, "police-worker", form);
        Disruption reviewed = disruptions.find(entry.id()).orElseThrow();
        assertThat(reviewed.inForce()).isTrue();
        assertThat(reviewed.reviewOn()).isEqualTo(reviewedOn.plusMonths(3));
        assertThat(reviewed.breaches())
                .singleElement()
                .satisfies(b -> assertThat(b.breachedOn()).isEqualTo(LocalDate.of(2027, 2, 20)));
        assertThat(reviewed.reviews()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Disruption.REVIEWED);
            assertThat(r.stillNeeded()).isTrue();
            assertThat(r.notes()).contains("MARKER-REVIEW-7731");
            assertThat(r.recordedBy()).isEqualTo("police-worker");
        });
        assertThat(task(entry, DisruptionOrderProcess.TASK_REVIEW)).isNull();
        assertThat(timerAt(entry, "Timer_ReviewDay").getDuedate()).isEqualTo(nineOn(reviewedOn.plusMonths(3)));
        assertThat(engineHolds("MARKER-BREACH-7731") + engineHolds("MARKER-REVIEW-7731"))
                .as("what the form recorded stays out of the engine")
                .isZero();

        // next review: not needed without an outcome is refused naming the field; with it, the entry ends
        Pathway.at(nineOn(reviewedOn.plusMonths(3)).toInstant().plusSeconds(60).atZone(Now.UK));
        pathway.fireDueClocks(entry.processInstanceId());
        Task second = task(entry, DisruptionOrderProcess.TASK_REVIEW);
        assertThatThrownBy(() -> pathway.complete(second, "police-worker", Map.of("stillNeeded", "NO")))
                .isInstanceOf(TaskInputRefused.class)
                .satisfies(e -> assertThat(((TaskInputRefused) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("outcome"));
        assertThat(task(entry, DisruptionOrderProcess.TASK_REVIEW))
                .as("the task stays open")
                .isNotNull();
        pathway.complete(
                task(entry, DisruptionOrderProcess.TASK_REVIEW),
                "police-worker",
                Map.of("stillNeeded", "NO", "outcome", "COMPLIED"));
        Disruption ended = disruptions.find(entry.id()).orElseThrow();
        assertThat(ended.outcome()).isEqualTo(Disruption.COMPLIED);
        assertThat(ended.outcomeOn()).isEqualTo(Now.today());
        assertThat(running(entry))
                .as("every clock of the entry ends, the expiry's too")
                .isFalse();
    }

    @Test
    void theExpiryTaskComesBeforeTheExpiryRenewalAsksAgainAndLapsingEndsTheEntryOnItsExpiryDay() {
        Pathway.at(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, Now.UK));
        String subject = Subjects.person(jdbc, "Synthetic Person Foxtrot");
        Disruption entry = record("SHPO", subject, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 1));
        assertThat(timerAt(entry, "Timer_ExpiryNotice").getDuedate()).isEqualTo(nineOn(LocalDate.of(2027, 2, 1)));

        Pathway.at(ZonedDateTime.of(2027, 2, 1, 9, 1, 0, 0, Now.UK));
        pathway.fireDueClocks(entry.processInstanceId());
        Task expiry = task(entry, DisruptionOrderProcess.TASK_EXPIRY);
        assertThat(expiry.getName())
                .isEqualTo("The sexual harm prevention order " + entry.id()
                        + " expires on 2027-03-01: renew it or let it end");
        assertThat(groups(expiry)).containsExactly("police");
        assertThat(expiry.getDueDate()).isEqualTo(clocks.due("disruption-expiry"));

        assertThatThrownBy(() -> pathway.complete(expiry, "police-worker", Map.of("expiryDecision", "RENEW")))
                .isInstanceOf(TaskInputRefused.class)
                .satisfies(e -> assertThat(((TaskInputRefused) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("newExpiresOn"));
        pathway.complete(
                task(entry, DisruptionOrderProcess.TASK_EXPIRY),
                "police-worker",
                Map.of("expiryDecision", "RENEW", "newExpiresOn", "2032-03-01", "expiryNotes", "Renewed by the court"));
        Disruption renewed = disruptions.find(entry.id()).orElseThrow();
        assertThat(renewed.expiresOn()).isEqualTo(LocalDate.of(2032, 3, 1));
        assertThat(renewed.reviews()).extracting(Disruption.Review::kind).containsExactly(Disruption.RENEWED);
        assertThat(timerAt(entry, "Timer_ExpiryNotice").getDuedate())
                .as("asked again 4 weeks before the new expiry")
                .isEqualTo(nineOn(LocalDate.of(2032, 2, 2)));

        Pathway.at(ZonedDateTime.of(2032, 2, 2, 9, 1, 0, 0, Now.UK));
        pathway.fireDueClocks(entry.processInstanceId());
        // the review clock came due many times meanwhile; only the expiry is answered here
        pathway.complete(
                task(entry, DisruptionOrderProcess.TASK_EXPIRY), "police-worker", Map.of("expiryDecision", "LAPSE"));
        Disruption lapsed = disruptions.find(entry.id()).orElseThrow();
        assertThat(lapsed.outcome()).isEqualTo(Disruption.LAPSED);
        assertThat(lapsed.outcomeOn()).isEqualTo(LocalDate.of(2032, 3, 1));
        assertThat(running(entry)).isFalse();
    }

    @Test
    void anOutcomeRecordedOnTheRegisterEndsEveryClockAndCannotBeRecordedTwice() {
        String subject = Subjects.location(jdbc, "Synthetic Hotel Golf", "Northampton");
        Disruption entry = record("CAWN", subject, Now.today(), Now.today().plusYears(1));
        assertThat(pathway.clocks(entry.processInstanceId())).hasSize(2);

        disruptions.end(entry.id(), Disruption.REVOKED, Now.today().toString(), "Revoked (synthetic)", POLICE, "API");
        assertThat(running(entry)).isFalse();
        assertThat(disruptions.find(entry.id()).orElseThrow().outcome()).isEqualTo(Disruption.REVOKED);
        assertThatThrownBy(() -> disruptions.end(
                        entry.id(), Disruption.COMPLIED, Now.today().toString(), null, POLICE, "API"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.field())
                        .contains("outcome"));
    }

    @Test
    void aTacticThatDoesNotExpireHasOnlyItsReviewClock() {
        String subject = Subjects.location(jdbc, "Synthetic Taxi Rank Hotel", "Daventry");
        Disruption entry = record("TAXIS", subject, Now.today(), null);
        assertThat(pathway.clocks(entry.processInstanceId()))
                .singleElement()
                .satisfies(j ->
                        assertThat(j.getDuedate()).isEqualTo(nineOn(Now.today().plusMonths(6))));
        disruptions.end(entry.id(), Disruption.COMPLIED, Now.today().toString(), null, POLICE, "API");
    }

    private int engineHolds(String marker) {
        int n = 0;
        for (String sql : List.of(
                "select count(*) from ACT_RU_VARIABLE where TEXT_ like ?",
                "select count(*) from ACT_HI_VARINST where TEXT_ like ?",
                "select count(*) from ACT_HI_DETAIL where TEXT_ like ?")) {
            n += jdbc.queryForObject(sql, Integer.class, "%" + marker + "%");
        }
        return n;
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
