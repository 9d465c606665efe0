package uk.pathways.notification;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** An e-mail left Pathways (or, with no mail server configured, was recorded instead): the chronology shows it. */
public record NotificationSent(
        String caseId,
        String reference,
        String notificationId,
        String notifiedEvent,
        String recipient,
        String subject,
        boolean recordedOnly,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return recordedOnly ? "EMAIL_RECORDED" : "EMAIL_SENT";
    }

    @Override
    public String summary() {
        return (recordedOnly
                        ? "E-mail to " + recipient + " recorded, not sent (no mail server configured): "
                        : "E-mail sent to " + recipient + ": ")
                + notifiedEvent + " \"" + subject + "\"";
    }

    @Override
    public Actor actor() {
        return Actor.SYSTEM;
    }
}
