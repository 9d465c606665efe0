package uk.pathways.notification;

import java.time.Instant;

/** One queued, sent, recorded or failed e-mail, as an administrator sees it. */
public record NotificationView(
        String id,
        Instant createdAt,
        String caseId,
        String reference,
        String eventType,
        String recipient,
        String subject,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError,
        String processInstanceId,
        String bodyText) {}
