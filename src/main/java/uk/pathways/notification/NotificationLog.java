package uk.pathways.notification;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the outbox for administrators: what was sent, what would have been sent, what is failing. */
@Component
public class NotificationLog {

    public static final Set<String> STATUSES = Set.of(
            NotificationRow.PENDING,
            NotificationRow.SENDING,
            NotificationRow.SENT,
            NotificationRow.RECORDED,
            NotificationRow.FAILED,
            NotificationRow.NO_RECIPIENT);

    private final NotificationRepository repository;

    NotificationLog(NotificationRepository repository) {
        this.repository = repository;
    }

    /** The newest first; {@code status} and {@code caseId} may be null (any). */
    @Transactional(readOnly = true)
    public List<NotificationView> recent(String status, String caseId, int limit) {
        String wanted =
                status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        return repository
                .recent(
                        wanted,
                        caseId == null || caseId.isBlank() ? null : caseId.strip(),
                        Math.max(1, Math.min(limit, 500)))
                .stream()
                .map(r -> new NotificationView(
                        r.id(),
                        r.createdAt(),
                        r.caseId(),
                        r.reference(),
                        r.eventType(),
                        r.recipient(),
                        r.subject(),
                        r.status(),
                        r.attempts(),
                        r.nextAttemptAt(),
                        r.sentAt(),
                        r.lastError(),
                        r.processInstanceId(),
                        r.bodyText()))
                .toList();
    }
}
