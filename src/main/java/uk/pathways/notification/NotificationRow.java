package uk.pathways.notification;

import java.time.Instant;

/** One row of the outbox (pw_notification): one e-mail to one recipient. */
record NotificationRow(
        String id,
        String idempotencyKey,
        String caseId,
        String reference,
        String eventType,
        String template,
        String model,
        String recipient,
        String recipientName,
        String subject,
        String bodyText,
        String bodyHtml,
        String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        String claimedBy,
        Instant claimedAt,
        Instant sentAt,
        String lastError,
        String processInstanceId) {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String RECORDED = "RECORDED";
    static final String FAILED = "FAILED";
    static final String NO_RECIPIENT = "NO_RECIPIENT";

    boolean done() {
        return SENT.equals(status) || RECORDED.equals(status) || NO_RECIPIENT.equals(status);
    }
}
