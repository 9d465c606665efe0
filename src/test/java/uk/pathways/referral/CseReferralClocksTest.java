package uk.pathways.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.pathways.referral.process.CseReferralProcess.*;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.ChronologyEntry;
import uk.pathways.support.Pathway;

/** The clocks of contract section 4 on cse-referral: due dates, breaches and escalations. */
@PathwaysTest
class CseReferralClocksTest {

    @Autowired
    Pathway pathway;

    @Autowired
    CaseFile caseFile;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    uk.pathways.escalation.Escalation escalation;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static ZonedDateTime uk(int year, int month, int day, int hour, int minute) {
        return LocalDate.of(year, month, day).atTime(hour, minute).atZone(Now.UK);
    }

    private static Date date(ZonedDateTime time) {
        return Date.from(time.toInstant());
    }

    @Test
    void screeningOnAFridayIsDueOnMondayAndEscalatesToMashManagersWhenLate() {
        Pathway.at(uk(2026, 11, 27, 15, 0)); // Friday
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), TASK_SCREENING);
        assertThat(screening.getDueDate()).isEqualTo(date(uk(2026, 11, 30, 15, 0)));

        Pathway.at(uk(2026, 11, 30, 14, 59));
        assertThat(pathway.fireDueClocks(referral.processInstanceId()))
                .as("not late yet")
                .isZero();
        assertThat(candidateGroups(screening)).containsExactly("mash");

        Pathway.at(uk(2026, 11, 30, 15, 1));
        assertThat(pathway.fireDueClocks(referral.processInstanceId())).isEqualTo(1);

        Task late = pathway.task(referral.caseId(), TASK_SCREENING);
        assertThat(late.getId()).as("the task stays where it is").isEqualTo(screening.getId());
        assertThat(candidateGroups(late)).containsExactlyInAnyOrder("mash", "mash-managers");
        assertThat(taskService.getVariableLocal(late.getId(), "escalated")).isEqualTo(true);
        assertThat(jdbc.queryForObject(
                        "select escalated_to from pw_clock_breach where task_id = ?", String.class, late.getId()))
                .isEqualTo("mash-managers");
        assertThat(caseFile.chronology(referral.caseId()))
                .extracting(ChronologyEntry::eventType)
                .contains("TASK_ESCALATED");
    }

    @Test
    void screeningClockSkipsChristmasBankHolidays() {
        Pathway.at(uk(2026, 12, 24, 10, 0)); // Thursday; Fri 25 and Mon 28 (Boxing Day substitute) are bank holidays
        ReferralAccepted referral = pathway.refer(15, List.of());

        assertThat(pathway.task(referral.caseId(), TASK_SCREENING).getDueDate())
                .isEqualTo(date(uk(2026, 12, 29, 10, 0)));
    }

    @Test
    void screeningClockSkipsEasterAcrossAWeekend() {
        Pathway.at(uk(2027, 3, 25, 9, 30)); // Thursday before Good Friday 26 March, Easter Monday 29 March
        ReferralAccepted referral = pathway.refer(15, List.of());

        assertThat(pathway.task(referral.caseId(), TASK_SCREENING).getDueDate())
                .isEqualTo(date(uk(2027, 3, 30, 9, 30)));
    }

    @Test
    void urgentMeetingIsDueInOneWorkingDayAndStandardInThree() {
        Pathway.at(uk(2026, 11, 26, 11, 0)); // Thursday
        ReferralAccepted urgent = pathway.refer(15, List.of());
        screen(urgent.caseId(), List.of(), true);
        ReferralAccepted standard = pathway.refer(15, List.of());
        screen(standard.caseId(), List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"), false);

        assertThat(pathway.task(urgent.caseId(), "schedule-strategy-meeting").getDueDate())
                .isEqualTo(date(uk(2026, 11, 27, 11, 0)));
        assertThat(pathway.task(standard.caseId(), "schedule-strategy-meeting").getDueDate())
                .isEqualTo(date(uk(2026, 12, 1, 11, 0)));

        Pathway.at(uk(2026, 11, 27, 11, 1));
        pathway.fireDueClocks(urgent.processInstanceId());
        pathway.fireDueClocks(standard.processInstanceId());
        Task lateSchedule = pathway.task(urgent.caseId(), "schedule-strategy-meeting");
        assertThat(candidateGroups(lateSchedule)).contains("childrens-services-managers");
        assertThat(candidateGroups(pathway.task(standard.caseId(), "schedule-strategy-meeting")))
                .doesNotContain("childrens-services-managers");
    }

    @Test
    void agencyInformationNotSharedBeforeTheMeetingEscalatesToThatAgencysManagers() {
        Pathway.at(uk(2026, 11, 23, 9, 0));
        ReferralAccepted referral = pathway.refer(15, List.of());
        screen(referral.caseId(), List.of(), true);
        pathway.complete(
                referral.caseId(),
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("meetingAt", "2026-11-24T14:00", "meetingPlace", "Synthetic office"));
        List<Task> asked = pathway.tasks(referral.caseId(), "agency-information");
        assertThat(asked).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(date(uk(2026, 11, 24, 14, 0))));
        Task health = asked.stream()
                .filter(t -> candidateGroups(t).contains("health"))
                .findFirst()
                .orElseThrow();
        pathway.complete(health, "health-worker", Map.of("agencyInformation", "Synthetic health information"));

        Pathway.at(uk(2026, 11, 24, 14, 1));
        pathway.fireDueClocks(referral.processInstanceId());

        for (Task t : pathway.tasks(referral.caseId(), "agency-information")) {
            List<String> groups = candidateGroups(t);
            String agency = groups.stream()
                    .filter(g -> !g.endsWith("-managers"))
                    .findFirst()
                    .orElseThrow();
            assertThat(groups)
                    .as("escalated to the agency's own managers")
                    .containsExactlyInAnyOrder(agency, agency + "-managers");
        }
        assertThat(jdbc.queryForList(
                        "select escalated_to from pw_clock_breach where case_id = ? and task_key = 'agency-information'",
                        String.class,
                        referral.caseId()))
                .containsExactlyInAnyOrder("police-managers", "education-managers", "childrens-services-managers");
    }

    @Test
    void riseClocksSafetyPlanOutreachAndOutcomeWheel() {
        Pathway.at(uk(2026, 11, 23, 9, 0)); // Monday
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        screen(caseId, List.of(), true);
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
                        "Synthetic"));
        pathway.complete(caseId, TASK_ALLOCATE_SUPPORT_WORKER, "rise-manager", Map.of("supportWorker", "rise-worker"));

        // accepted Monday 23 Nov 16:00: safety plan 5 working days later, Monday 30 Nov 16:00
        assertThat(pathway.task(caseId, TASK_SAFETY_PLAN).getDueDate()).isEqualTo(date(uk(2026, 11, 30, 16, 0)));
        // no successful contact yet: outreach clock 10 working days from acceptance, Monday 7 Dec
        assertThat(pathway.task(caseId, TASK_OUTREACH_CONTACT).getDueDate()).isEqualTo(date(uk(2026, 12, 7, 16, 0)));
        assertThat(pathway.task(caseId, TASK_OUTCOME_WHEEL).getDueDate()).isEqualTo(date(uk(2026, 11, 30, 16, 0)));

        Pathway.at(uk(2026, 11, 26, 10, 0));
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("NOT_FOUND"));
        assertThat(pathway.task(caseId, TASK_OUTREACH_CONTACT).getDueDate())
                .as("an unsuccessful attempt does not restart the clock")
                .isEqualTo(date(uk(2026, 12, 7, 16, 0)));
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact("SUCCESSFUL"));
        assertThat(pathway.task(caseId, TASK_OUTREACH_CONTACT).getDueDate())
                .as("10 working days since the last successful contact")
                .isEqualTo(date(uk(2026, 12, 10, 10, 0)));

        Pathway.at(uk(2026, 11, 30, 16, 1));
        pathway.fireDueClocks(referral.processInstanceId());
        Task plan = pathway.task(caseId, TASK_SAFETY_PLAN);
        assertThat(candidateGroups(plan)).contains("rise-managers");
        assertThat(taskService.getVariableLocal(plan.getId(), "escalated")).isEqualTo(true);
        Task wheel = pathway.task(caseId, TASK_OUTCOME_WHEEL);
        assertThat(candidateGroups(wheel)).as("the outcome wheel only reminds").doesNotContain("rise-managers");
        assertThat(taskService.getVariableLocal(wheel.getId(), "reminded")).isEqualTo(true);
        assertThat(jdbc.queryForObject(
                        "select kind from pw_clock_breach where task_id = ?", String.class, wheel.getId()))
                .isEqualTo("REMINDER");

        pathway.complete(
                wheel,
                "rise-worker",
                Map.of(
                        "wheelSafety",
                        5,
                        "wheelRelationships",
                        5,
                        "wheelHealth",
                        5,
                        "wheelEmotional",
                        5,
                        "wheelEducation",
                        5,
                        "wheelChoices",
                        5));
        assertThat(pathway.task(caseId, TASK_OUTCOME_WHEEL).getDueDate())
                .as("every 6 weeks")
                .isEqualTo(date(uk(2027, 1, 11, 16, 0)));
    }

    @Test
    void aClockThatFiresTwiceEscalatesOnce() {
        Pathway.at(uk(2026, 11, 23, 9, 0));
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), TASK_SCREENING);
        Pathway.at(uk(2026, 11, 25, 9, 0));
        pathway.fireDueClocks(referral.processInstanceId());

        // a second run of the same listener (a job executed again after a lock expired)
        ((org.camunda.bpm.engine.impl.TaskServiceImpl) taskService)
                .getCommandExecutor()
                .execute(context -> {
                    org.camunda.bpm.engine.impl.persistence.entity.TaskEntity task =
                            context.getTaskManager().findTaskById(screening.getId());
                    escalation.notify(task);
                    return null;
                });

        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_clock_breach where task_id = ?", Integer.class, screening.getId()))
                .isEqualTo(1);
        assertThat(caseFile.chronology(referral.caseId()))
                .filteredOn(e -> e.eventType().equals("TASK_ESCALATED"))
                .hasSize(1);
        assertThat(candidateGroups(pathway.task(referral.caseId(), TASK_SCREENING)))
                .containsExactlyInAnyOrder("mash", "mash-managers");
    }

    private void screen(String caseId, List<String> indicators, boolean disclosure) {
        pathway.complete(
                caseId,
                TASK_SCREENING,
                "mash-worker",
                Map.of("indicators", indicators, "disclosure", disclosure, "learningDisability", false));
    }

    private static Map<String, Object> contact(String outcome) {
        return Map.of(
                "contactAt",
                Now.instant().toString(),
                "contactLocation",
                "Park",
                "contactOutcome",
                outcome,
                "proposeClosure",
                false);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .toList();
    }
}
