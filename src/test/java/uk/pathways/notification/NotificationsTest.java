package uk.pathways.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.casefile.ChronologyEntry;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.MailCatcher;
import uk.pathways.support.MailCatcher.Mail;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;

/** Each pathway event e-mails the right people, and nobody else, over real SMTP (GreenMail). */
@PathwaysTest
class NotificationsTest {

    static final String REFERRER = "sam.example@school.example";

    @Autowired
    Pathway pathway;

    @Autowired
    MailCatcher mail;

    @Autowired
    Mailroom mailroom;

    @Autowired
    CaseFile caseFile;

    @Autowired
    IdentityService identityService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aReferralIsAcknowledgedToTheReferrerAndItsScreeningIsNewWorkForMash() {
        ChildDetails child = Pathway.child(15);
        ReferralAccepted referral = pathway.refer(child, List.of("OLDER_PARTNER"));

        assertThat(mailroom.deliver(referral.caseId())).isZero();

        List<Mail> mails = mail.ofCase(referral.caseId());
        assertThat(mails)
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("REFERRAL_RECEIVED", REFERRER), tuple("TASK_CREATED", "mash@pathways.invalid"));
        Mail ack = only(mails, "REFERRAL_RECEIVED");
        assertThat(ack.subject()).contains(referral.reference());
        assertThat(ack.text()).contains(referral.reference());
        assertThat(ack.html()).contains(referral.reference());
        Mail work = only(mails, "TASK_CREATED");
        assertThat(work.subject()).contains("Screen the referral").contains(referral.reference());
        assertThat(work.text()).contains("/tasks/").contains("Due: ");
        assertMinimal(mails, child);
    }

    @Test
    void theReferrerLearnsTheScreeningOutcomeOnlyAndAClosedCaseIsToldToEveryAgencyInvolved() {
        ChildDetails child = Pathway.child(15);
        ReferralAccepted referral = pathway.refer(child, List.of());
        screen(referral.caseId(), List.of("CHANGED_BEHAVIOUR", "FAMILY_BREAKDOWN"), false); // score 2: NONE, universal

        mailroom.deliver(referral.caseId());

        List<Mail> mails = mail.ofCase(referral.caseId());
        assertThat(mails)
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("REFERRAL_RECEIVED", REFERRER),
                        tuple("TASK_CREATED", "mash@pathways.invalid"),
                        tuple("SCREENING_DECIDED", REFERRER),
                        tuple("CASE_CLOSED", "education@pathways.invalid"),
                        tuple("CASE_CLOSED", "mash@pathways.invalid"));
        assertThat(caseFile.involvedAgencies(referral.caseId())).containsExactlyInAnyOrder("education", "mash");
        Mail outcome = only(mails, "SCREENING_DECIDED");
        assertThat(outcome.text())
                .contains("Risk level: NONE")
                .contains("UNIVERSAL")
                .contains(referral.reference());
        assertThat(outcome.everything())
                .as("risk level and pathway only")
                .doesNotContain("CHANGED_BEHAVIOUR")
                .doesNotContainIgnoringCase("score")
                .doesNotContainIgnoringCase("disclos");
        assertThat(only(mails.stream().filter(m -> m.to().startsWith("mash")).toList(), "CASE_CLOSED")
                        .text())
                .contains("Signposted to universal services");
        assertMinimal(mails, child);
    }

    @Test
    void aStrategyMeetingInvitesEachAgencyAskedAndItsOutcomeReachesThoseAtIt() {
        Pathway.at(LocalDate.of(2026, 11, 23), 9, 0); // Monday
        ChildDetails child = Pathway.child(14);
        ReferralAccepted referral = pathway.refer(child, List.of());
        String caseId = referral.caseId();
        screen(caseId, List.of(), true); // a disclosure: HIGH, urgent meeting
        mailroom.deliver(caseId);
        assertThat(mail.ofCase(caseId))
                .extracting(Mail::event, Mail::to)
                .contains(tuple("TASK_CREATED", "childrens-services@pathways.invalid")); // schedule the meeting
        Set<String> before = seen(caseId);

        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("meetingAt", "2026-11-24T14:00", "meetingPlace", "Room 4, synthetic office"));
        mailroom.deliver(caseId);

        List<Mail> scheduled = since(caseId, before);
        assertThat(scheduled)
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("STRATEGY_MEETING_SCHEDULED", "police@pathways.invalid"),
                        tuple("STRATEGY_MEETING_SCHEDULED", "health@pathways.invalid"),
                        tuple("STRATEGY_MEETING_SCHEDULED", "education@pathways.invalid"),
                        tuple("STRATEGY_MEETING_SCHEDULED", "childrens-services@pathways.invalid"),
                        // one agency-information task for each agency asked, and the outcome task
                        tuple("TASK_CREATED", "police@pathways.invalid"),
                        tuple("TASK_CREATED", "health@pathways.invalid"),
                        tuple("TASK_CREATED", "education@pathways.invalid"),
                        tuple("TASK_CREATED", "childrens-services@pathways.invalid"),
                        tuple("TASK_CREATED", "childrens-services@pathways.invalid"));
        Mail invitation = scheduled.stream()
                .filter(m -> m.event().equals("STRATEGY_MEETING_SCHEDULED") && m.to().startsWith("police"))
                .findFirst()
                .orElseThrow();
        assertThat(invitation.text())
                .contains("Tuesday 24 November 2026")
                .contains("14:00")
                .contains("Room 4, synthetic office")
                .contains(referral.reference());
        assertThat(invitation.html())
                .contains("Tuesday 24 November 2026")
                .contains("14:00")
                .contains("Room 4, synthetic office");
        before = seen(caseId);

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
                        true,
                        "meetingMinutes",
                        "Synthetic minutes"));
        mailroom.deliver(caseId);

        List<Mail> held = since(caseId, before);
        assertThat(held)
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("STRATEGY_MEETING_HELD", "police@pathways.invalid"),
                        tuple("STRATEGY_MEETING_HELD", "health@pathways.invalid"),
                        tuple("STRATEGY_MEETING_HELD", "education@pathways.invalid"),
                        tuple("STRATEGY_MEETING_HELD", "childrens-services@pathways.invalid"),
                        // the information-sharing notice to the statutory agencies on RISE acceptance
                        tuple("RISE_ACCEPTED", "police@pathways.invalid"),
                        tuple("RISE_ACCEPTED", "childrens-services@pathways.invalid"),
                        tuple("RISE_ACCEPTED", "health@pathways.invalid"),
                        tuple("RISE_ACCEPTED", "education@pathways.invalid"),
                        // new work: allocating a support worker (rise-managers, whose mailbox is RISE's), the
                        // investigation
                        tuple("TASK_CREATED", "rise@pathways.invalid"),
                        tuple("TASK_CREATED", "police@pathways.invalid"));
        Mail outcome = held.stream()
                .filter(m -> m.event().equals("STRATEGY_MEETING_HELD"))
                .findFirst()
                .orElseThrow();
        assertThat(outcome.text())
                .contains("RISE support: accepted")
                .contains("Section 47 enquiry: no")
                .contains("Police investigation: yes");
        Mail sharing = held.stream()
                .filter(m -> m.event().equals("RISE_ACCEPTED"))
                .findFirst()
                .orElseThrow();
        assertThat(sharing.text())
                .contains(referral.reference())
                .contains("safety plan")
                .contains("assertive outreach");
        before = seen(caseId);

        pathway.complete(caseId, "allocate-support-worker", "rise-manager", Map.of("supportWorker", "rise-worker"));
        mailroom.deliver(caseId);

        List<Mail> allocated = since(caseId, before);
        assertThat(allocated)
                .as("safety plan, outreach and outcome wheel: RISE's mailbox and the support worker")
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("TASK_CREATED", "rise@pathways.invalid"),
                        tuple("TASK_CREATED", "rise@pathways.invalid"),
                        tuple("TASK_CREATED", "rise@pathways.invalid"),
                        tuple("TASK_CREATED", "rise-worker@pathways.invalid"),
                        tuple("TASK_CREATED", "rise-worker@pathways.invalid"),
                        tuple("TASK_CREATED", "rise-worker@pathways.invalid"));
        assertThat(allocated.stream()
                        .filter(m -> m.to().startsWith("rise-worker"))
                        .map(Mail::text))
                .allSatisfy(t -> assertThat(t).contains("assigned to you"));
        assertMinimal(mail.ofCase(caseId), child);
    }

    @Test
    void aBreachedClockEmailsEveryMemberOfTheEscalationGroupSayingHowOverdue() {
        Pathway.at(ZonedDateTime.of(2026, 11, 27, 15, 0, 0, 0, Now.UK)); // Friday: screening due Monday 15:00
        ChildDetails child = Pathway.child(15);
        ReferralAccepted referral = pathway.refer(child, List.of());
        Pathway.at(ZonedDateTime.of(2026, 11, 30, 17, 30, 0, 0, Now.UK));
        pathway.fireDueClocks();

        mailroom.deliver(referral.caseId());

        List<Mail> breaches = mail.ofCase(referral.caseId()).stream()
                .filter(m -> m.event().equals("TASK_ESCALATED"))
                .toList();
        List<String> managers = identityService.createUserQuery().memberOfGroup("mash-managers").list().stream()
                .map(u -> u.getEmail())
                .toList();
        assertThat(managers).containsExactly("mash-manager@pathways.invalid");
        assertThat(breaches).extracting(Mail::to).containsExactlyInAnyOrderElementsOf(managers);
        Mail breach = breaches.get(0);
        assertThat(breach.subject())
                .contains("OVERDUE")
                .contains("Screen the referral")
                .contains(referral.reference());
        assertThat(breach.text())
                .contains("Mon 30 Nov 2026 15:00")
                .contains("overdue by 2 hours 30 minutes")
                .contains("Multi-Agency Safeguarding Hub managers");
        assertThat(mail.ofCase(referral.caseId()))
                .extracting(Mail::event)
                .containsExactlyInAnyOrder("REFERRAL_RECEIVED", "TASK_CREATED", "TASK_ESCALATED");
        assertMinimal(mail.ofCase(referral.caseId()), child);
    }

    @Test
    void aReminderGoesToTheAssigneeOnlyWhileAnEscalationGoesToTheManagers() {
        Pathway.at(LocalDate.of(2026, 11, 23), 9, 0);
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        screen(caseId, List.of(), true);
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("meetingAt", "2026-11-23T15:00", "meetingPlace", "Synthetic office"));
        Pathway.at(LocalDate.of(2026, 11, 23), 16, 0);
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of("riseAccepted", true, "section47", false, "policeInvestigation", false));
        pathway.complete(caseId, "allocate-support-worker", "rise-manager", Map.of("supportWorker", "rise-worker"));
        mailroom.deliver(caseId);
        Set<String> before = seen(caseId);

        // safety plan (escalates) and outcome wheel (reminds) both fall due Monday 30 November 16:00
        Pathway.at(LocalDate.of(2026, 11, 30), 16, 1);
        pathway.fireDueClocks();
        mailroom.deliver(caseId);

        assertThat(since(caseId, before))
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("TASK_REMINDER", "rise-worker@pathways.invalid"),
                        tuple("TASK_ESCALATED", "rise-manager@pathways.invalid"));
        Mail reminder = since(caseId, before).stream()
                .filter(m -> m.event().equals("TASK_REMINDER"))
                .findFirst()
                .orElseThrow();
        assertThat(reminder.subject()).contains("Complete the outcome wheel");
    }

    @Test
    void noFurtherActionClosesTheCaseAndTellsEveryAgencyInvolved() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        screen(caseId, List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"), false); // 11: MEDIUM
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Now.instant().plusSeconds(3600 * 20).toString(),
                        "meetingPlace",
                        "Synthetic office"));
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of("riseAccepted", false, "section47", false, "policeInvestigation", false));
        pathway.complete(
                caseId,
                "approve-case-closure",
                "childrens-services-manager",
                Map.of("caseClosureApproved", true, "closureComment", "Synthetic: agreed"));
        assertThat(caseFile.find(caseId).orElseThrow().status()).isEqualTo("CLOSED");

        mailroom.deliver(caseId);

        assertThat(mail.ofCase(caseId).stream()
                        .filter(m -> m.event().equals("CASE_CLOSED"))
                        .map(Mail::to))
                .containsExactlyInAnyOrderElementsOf(caseFile.involvedAgencies(caseId).stream()
                        .map(a -> a + "@pathways.invalid")
                        .toList())
                .containsExactlyInAnyOrder(
                        "education@pathways.invalid",
                        "mash@pathways.invalid",
                        "childrens-services@pathways.invalid",
                        "police@pathways.invalid",
                        "health@pathways.invalid");
        assertThat(mail.ofCase(caseId)).extracting(Mail::event).doesNotContain("RISE_ACCEPTED");
    }

    @Test
    void everySentEmailIsInTheCaseChronology() {
        ReferralAccepted referral = pathway.refer(15, List.of());

        mailroom.deliver(referral.caseId());

        List<Mail> mails = mail.ofCase(referral.caseId());
        // not vacuous: a referral tells MASH of its screening task, so there is at least one e-mail to find
        assertThat(mails).as("e-mails delivered for the referral").isNotEmpty();
        List<ChronologyEntry> sent = caseFile.chronology(referral.caseId()).stream()
                .filter(e -> e.eventType().equals("EMAIL_SENT"))
                .toList();
        assertThat(sent).hasSameSizeAs(mails);
        for (Mail m : mails) {
            assertThat(sent)
                    .anySatisfy(e -> assertThat(e.summary())
                            .contains(m.to())
                            .contains(m.event())
                            .contains(m.subject()));
        }
        assertThat(sent).allSatisfy(e -> assertThat(e.reference()).isEqualTo(referral.reference()));
    }

    // --- steps

    private void screen(String caseId, List<String> indicators, boolean disclosure) {
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        indicators,
                        "disclosure",
                        disclosure,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic screening notes"));
    }

    /** The ids of the case's e-mails received so far. */
    private Set<String> seen(String caseId) {
        return mail.ofCase(caseId).stream().map(Mail::notificationId).collect(Collectors.toSet());
    }

    /** The case's e-mails received since {@code before} was taken. */
    private List<Mail> since(String caseId, Set<String> before) {
        return mail.ofCase(caseId).stream()
                .filter(m -> !before.contains(m.notificationId()))
                .toList();
    }

    private static Mail only(List<Mail> mails, String event) {
        List<Mail> found = mails.stream().filter(m -> event.equals(m.event())).toList();
        assertThat(found).as(event).hasSize(1);
        return found.get(0);
    }

    /** No e-mail carries the child's name, the concerns, notes, minutes or intelligence. */
    static void assertMinimal(List<Mail> mails, ChildDetails child) {
        assertThat(mails)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.everything())
                        .doesNotContain(child.firstName())
                        .doesNotContain(child.lastName())
                        .doesNotContain("Synthetic concern")
                        .doesNotContain("Synthetic screening notes")
                        .doesNotContain("Synthetic minutes")
                        .doesNotContain("Synthetic police intelligence"));
    }
}
