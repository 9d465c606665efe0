package uk.pathways.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.pathways.calendar.Now;

/**
 * Sends one outbox row, at most once however often it is asked to: the delivery job may run twice (a lock
 * that expired, a node that stopped after sending, two nodes racing). Each step commits on its own, outside
 * the job's transaction, so that what happened survives whatever happens to the job:
 * <ol>
 * <li>claim: PENDING or FAILED becomes SENDING, claimed by this attempt; an update that checks the row count,
 *     so only one attempt can own a row. A row already SENT (or RECORDED) makes the run a no-op.</li>
 * <li>render the templates and hand the message to the SMTP server;</li>
 * <li>SENT, with the rendered e-mail, and the chronology line, in one transaction; or, if sending failed,
 *     FAILED with the error, and the job fails so that the job executor retries it.</li>
 * </ol>
 * A row found SENDING belongs to another attempt still at work: the run fails and is retried. If that claim is
 * older than {@code pathways.notification.claim-timeout}, its node stopped mid-send and this run takes it over.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final NotificationRepository repository;
    private final MailTemplates templates;
    private final MailTransport transport;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;
    private final ObjectMapper json;

    Delivery(
            NotificationRepository repository,
            MailTemplates templates,
            MailTransport transport,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            NotificationProperties properties,
            ObjectMapper json) {
        this.repository = repository;
        this.templates = templates;
        this.transport = transport;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.properties = properties;
        this.json = json;
    }

    /** Sends (or records) the e-mail unless it already was; returns the row's status. Throws {@link DeliveryFailed}. */
    String deliver(String id) {
        String claimant = NODE + "/" + UUID.randomUUID().toString().substring(0, 8);
        NotificationRow row = ownTransaction.execute(s -> claim(id, claimant));
        if (row.done()) {
            log.debug("E-mail {} is already {}: nothing to do", id, row.status());
            return row.status();
        }
        MailTemplates.RenderedMail mail;
        try {
            mail = templates.render(row.template(), model(row));
        } catch (RuntimeException e) {
            throw failed(
                    row, claimant, "the template '" + row.template() + "' could not be rendered: " + e.getMessage(), e);
        }
        boolean recordOnly = !transport.configured();
        if (!recordOnly) {
            try {
                transport.send(row, mail);
            } catch (Exception e) {
                throw failed(row, claimant, "the mail server did not take it: " + rootMessage(e), e);
            }
        }
        Instant at = Now.instant();
        String status = recordOnly ? NotificationRow.RECORDED : NotificationRow.SENT;
        ownTransaction.executeWithoutResult(s -> {
            if (repository.markSent(id, claimant, status, mail.subject(), mail.text(), mail.html(), at)) {
                events.publishEvent(new NotificationSent(
                        row.caseId(),
                        row.reference(),
                        id,
                        row.eventType(),
                        row.recipient(),
                        mail.subject(),
                        recordOnly,
                        at));
            } else {
                log.warn("E-mail {} was sent, but another node had taken it over meanwhile", id);
            }
        });
        return status;
    }

    /** The row, claimed by {@code claimant}, or done already. Throws if another attempt is sending it now. */
    private NotificationRow claim(String id, String claimant) {
        Instant now = Now.instant();
        if (repository.claim(id, claimant, now)) {
            return repository.find(id).orElseThrow();
        }
        NotificationRow row =
                repository.find(id).orElseThrow(() -> new IllegalStateException("No e-mail " + id + " in the outbox"));
        if (row.done()) {
            return row;
        }
        if (NotificationRow.SENDING.equals(row.status())) {
            boolean abandoned = row.claimedAt() == null
                    || row.claimedAt().plus(properties.claimTimeout()).isBefore(now);
            if (abandoned
                    && repository.takeOver(
                            id,
                            row.claimedBy(),
                            claimant,
                            now,
                            "Taken over from " + row.claimedBy() + ", which began sending at " + row.claimedAt()
                                    + " and did not finish")) {
                log.warn(
                        "E-mail {} was being sent by {} since {} without finishing; sending it again",
                        id,
                        row.claimedBy(),
                        row.claimedAt());
                return repository.find(id).orElseThrow();
            }
            throw new DeliveryFailed(
                    "E-mail " + id + " is being sent by " + row.claimedBy() + " since " + row.claimedAt()
                            + "; this attempt leaves it to that one and checks again later",
                    null);
        }
        throw new IllegalStateException("E-mail " + id + " has status " + row.status());
    }

    private DeliveryFailed failed(NotificationRow row, String claimant, String reason, Exception cause) {
        String message = "E-mail " + row.id() + " (" + row.eventType() + " on " + row.reference() + " to "
                + row.recipient() + ", attempt " + row.attempts() + ") not sent: " + reason;
        Instant next = Now.instant().plus(Duration.ofMinutes(1));
        ownTransaction.executeWithoutResult(s -> repository.markFailed(row.id(), claimant, message, next));
        log.warn(message);
        return new DeliveryFailed(message, cause);
    }

    private Map<String, Object> model(NotificationRow row) {
        try {
            return json.readValue(row.model(), new TypeReference<Map<String, Object>>() {});
        } catch (Exception e) {
            throw new IllegalStateException("unreadable model: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage();
        return root == e || root.getMessage() == null ? message : message + " (" + root.getMessage() + ")";
    }
}
