package uk.pathways.notification;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each pathway event e-mails the right people, and nobody else, over real SMTP (GreenMail). */
@PathwaysTest
class NotificationsTest {

    static final String REFERRER = "sam.example@school.example";

    @Autowired Pathway pathway;
    @Autowired MailCatcher mail;
    @Autowired Mailroom mailroom;
    @Autowired CaseFile caseFile;
    @Autowired IdentityService identityService;

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
        assertThat(mails).extracting(Mail::event, Mail::to).containsExactlyInAnyOrder(
                tuple("REFERRAL_RECEIVED", REFERRER),
                tuple("TASK_CREATED", "mash@pathways.invalid"));
        Mail ack = only(mails, "REFERRAL_RECEIVED");
        assertThat(ack.subject()).contains(referral.reference());
        assertThat(ack.text()).contains(referral.reference());
        assertThat(ack.html()).contains(referral.reference());
        Mail work = only(mails, "TASK_CREATED");
        assertThat(work.subject()).contains("Screen the referral").contains(referral.reference());
        assertThat(work.text()).contains("/camunda/app/tasklist/").contains("Due: ");
        assertMinimal(mails, child);
    }

    private static Mail only(List<Mail> mails, String event) {
        List<Mail> found = mails.stream().filter(m -> event.equals(m.event())).toList();
        assertThat(found).as(event).hasSize(1);
        return found.get(0);
    }

    /** No e-mail carries the child's name, the concerns, notes, minutes or intelligence. */
    static void assertMinimal(List<Mail> mails, ChildDetails child) {
        assertThat(mails).isNotEmpty().allSatisfy(m -> assertThat(m.everything())
                .doesNotContain(child.firstName()).doesNotContain(child.lastName())
                .doesNotContain("Synthetic concern").doesNotContain("Synthetic screening notes")
                .doesNotContain("Synthetic minutes").doesNotContain("Synthetic police intelligence"));
    }
}
