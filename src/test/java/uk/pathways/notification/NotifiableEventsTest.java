package uk.pathways.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.casefile.CaseFile;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.MailCatcher;
import uk.pathways.support.MailCatcher.Mail;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;

/** Another capability's event plugs in by implementing {@link Notifiable} (missing episodes will). */
@PathwaysTest
class NotifiableEventsTest {

    /** What a missing-episode event may look like: reference, kind, what is due; never the child's name. */
    record SyntheticMissingReported(String caseId, String reference, String placingAuthorityEmail)
            implements Notifiable {

        @Override
        public String eventType() {
            return "MISSING_REPORTED";
        }

        @Override
        public List<Recipient> mailRecipients() {
            return List.of(
                    Recipient.mailbox("childrens-services"),
                    Recipient.address(placingAuthorityEmail),
                    Recipient.mailbox("police"),
                    Recipient.mailbox("performance"));
        }

        @Override
        public Map<String, Object> mailModel() {
            return Map.of(
                    "headline",
                    "Missing child reported",
                    "details",
                    List.of("Police risk: HIGH", "Missing since Mon 23 Nov 2026 18:00"),
                    "due",
                    "at once");
        }
    }

    @Autowired
    Pathway pathway;

    @Autowired
    CaseFile caseFile;

    @Autowired
    MailCatcher mail;

    @Autowired
    Mailroom mailroom;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNotifiableEventIsEmailedToItsRecipientsOnceWithTheGenericTemplate() {
        ReferralAccepted referral = pathway.refer(13, List.of());
        String caseId = referral.caseId();
        String reference = caseFile.nextReference("MIS");
        SyntheticMissingReported reported =
                new SyntheticMissingReported(caseId, reference, "placements@council.invalid");

        publish(reported);
        publish(reported); // the same occurrence published again queues nothing
        mailroom.deliver(caseId);

        List<Mail> mails = mail.ofCase(caseId).stream()
                .filter(m -> "MISSING_REPORTED".equals(m.event()))
                .toList();
        assertThat(mails)
                .extracting(Mail::to)
                .containsExactlyInAnyOrder(
                        "childrens-services@pathways.invalid", "placements@council.invalid", "police@pathways.invalid");
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.reference()).isEqualTo(reference);
            assertThat(m.subject()).contains("Missing child reported").contains(reference);
            assertThat(m.text())
                    .contains("- Police risk: HIGH")
                    .contains("Due: at once")
                    .contains("/cases/" + caseId)
                    .doesNotContain("/api/cases/");
            assertThat(m.html())
                    .contains("Police risk: HIGH")
                    .contains("/cases/" + caseId)
                    .doesNotContain("/api/cases/");
        });
        assertThat(jdbc.queryForList(
                        "select recipient from pw_notification where reference = ? and status = 'NO_RECIPIENT'",
                        String.class,
                        reference))
                .as("a mailbox nobody configured is recorded, not silently dropped")
                .containsExactly("mailbox of performance");
    }

    @Test
    void aNotifiableEventInATransactionThatRollsBackQueuesNothing() {
        ReferralAccepted referral = pathway.refer(13, List.of());
        String reference = caseFile.nextReference("MIS");

        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            events.publishEvent(
                    new SyntheticMissingReported(referral.caseId(), reference, "placements@council.invalid"));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_notification where reference = ?", Integer.class, reference))
                .isZero();
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }
}
