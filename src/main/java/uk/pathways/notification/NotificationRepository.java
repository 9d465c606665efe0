package uk.pathways.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for the outbox (V5__notifications.sql). Claims are optimistic updates that check the row count, so
 * that two nodes (or one job run twice) never both own a row; this works on H2 and PostgreSQL alike.
 */
@Repository
class NotificationRepository {

    private final JdbcTemplate jdbc;

    NotificationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these e-mails are queued already: one query for all of a notice's recipients. */
    Set<String> existing(List<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(idempotencyKeys.size(), "?"));
        return new HashSet<>(jdbc.queryForList(
                "select idempotency_key from pw_notification where idempotency_key in (" + marks + ")",
                String.class,
                idempotencyKeys.toArray()));
    }

    /** The e-mails a delivery process sends (one process per step; before ADR 21, one per e-mail). */
    List<String> idsOfDelivery(String processInstanceId) {
        return jdbc.queryForList(
                "select id from pw_notification where process_instance_id = ? order by created_at, id",
                String.class,
                processInstanceId);
    }

    private static final String INSERT = """
            insert into pw_notification (id, idempotency_key, case_id, reference, event_type, template, model, recipient,
              recipient_name, status, attempts, created_at, last_error, process_instance_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""";

    void insert(NotificationRow r) {
        jdbc.update(INSERT, values(r));
    }

    /** The rows of one notice, in one JDBC batch. */
    void insertAll(List<NotificationRow> rows) {
        if (rows.size() == 1) {
            insert(rows.get(0));
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    INSERT, rows.stream().map(NotificationRepository::values).toList());
        }
    }

    private static Object[] values(NotificationRow r) {
        return new Object[] {
            r.id(),
            r.idempotencyKey(),
            r.caseId(),
            r.reference(),
            r.eventType(),
            r.template(),
            r.model(),
            truncate(r.recipient(), 254),
            truncate(r.recipientName(), 200),
            r.status(),
            ts(r.createdAt()),
            truncate(r.lastError(), 2000),
            r.processInstanceId()
        };
    }

    Optional<NotificationRow> find(String id) {
        return jdbc.query("select * from pw_notification where id = ?", NotificationRepository::row, id).stream()
                .findFirst();
    }

    /** Takes a row that is waiting (PENDING, or FAILED and being retried); true if this claimant now owns it. */
    boolean claim(String id, String claimant, Instant now) {
        return jdbc.update("""
                update pw_notification set status = 'SENDING', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                where id = ? and status in ('PENDING', 'FAILED')""", claimant, ts(now), id) == 1;
    }

    /** Takes over a send abandoned by {@code previousClaimant} (a node that stopped while sending). */
    boolean takeOver(String id, String previousClaimant, String claimant, Instant now, String note) {
        return jdbc.update("""
                update pw_notification set claimed_by = ?, claimed_at = ?, attempts = attempts + 1, last_error = ?
                where id = ? and status = 'SENDING' and claimed_by = ?""", claimant, ts(now), truncate(note, 2000), id, previousClaimant) == 1;
    }

    /** Records the send; false if the claim was lost meanwhile (another node took the row over). */
    boolean markSent(String id, String claimant, String status, String subject, String text, String html, Instant at) {
        return jdbc.update(
                        """
                update pw_notification set status = ?, sent_at = ?, subject = ?, body_text = ?, body_html = ?,
                  next_attempt_at = null
                where id = ? and status = 'SENDING' and claimed_by = ?""",
                        status,
                        ts(at),
                        truncate(subject, 300),
                        truncate(text, 20000),
                        truncate(html, 100000),
                        id,
                        claimant)
                == 1;
    }

    boolean markFailed(String id, String claimant, String error, Instant nextAttemptAt) {
        return jdbc.update("""
                update pw_notification set status = 'FAILED', last_error = ?, next_attempt_at = ?
                where id = ? and status = 'SENDING' and claimed_by = ?""", truncate(error, 2000), ts(nextAttemptAt), id, claimant) == 1;
    }

    List<NotificationRow> recent(String status, String caseId, int limit) {
        StringBuilder sql = new StringBuilder("select * from pw_notification where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        if (caseId != null) {
            sql.append(" and case_id = ?");
            args.add(caseId);
        }
        sql.append(" order by created_at desc, id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), NotificationRepository::row, args.toArray());
    }

    private static NotificationRow row(ResultSet rs, int i) throws SQLException {
        return new NotificationRow(
                rs.getString("id"),
                rs.getString("idempotency_key"),
                rs.getString("case_id"),
                rs.getString("reference"),
                rs.getString("event_type"),
                rs.getString("template"),
                rs.getString("model"),
                rs.getString("recipient"),
                rs.getString("recipient_name"),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                rs.getString("claimed_by"),
                instant(rs, "claimed_at"),
                instant(rs, "sent_at"),
                rs.getString("last_error"),
                rs.getString("process_instance_id"));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
