package uk.pathways.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.calendar.Now;
import uk.pathways.step.StepWrites;

/**
 * The audit trail's public API. Entries are only ever added (the database refuses updates and deletes).
 * A read is audited in its own transaction, so that a read that fails later is still on record.
 */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final StepWrites writes;

    AuditTrail(JdbcTemplate jdbc, StepWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(
            String userId,
            String agency,
            String action,
            String door,
            String caseId,
            String resource,
            String detail,
            String reason) {
        record(userId, agency, action, door, caseId, resource, detail, reason);
    }

    /**
     * Adds an entry in the caller's transaction: a change and its audit commit together. The row is written with the
     * step's other rows when the transaction commits ({@link StepWrites}), in one batch.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(
            String userId,
            String agency,
            String action,
            String door,
            String caseId,
            String resource,
            String detail,
            String reason) {
        writes.insert(
                """
                insert into pw_audit (at, user_id, agency, action, door, case_id, resource, detail, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Now.instant().atOffset(ZoneOffset.UTC),
                truncate(userId == null ? "anonymous" : userId, 100),
                agency,
                action,
                door,
                caseId,
                truncate(resource, 300),
                truncate(detail, 1000),
                truncate(reason, 1000));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofCase(String caseId) {
        writes.flush();
        return jdbc.query(
                "select * from pw_audit where case_id = ? order by at desc, id desc",
                (rs, i) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("user_id"),
                        rs.getString("agency"),
                        rs.getString("action"),
                        rs.getString("door"),
                        rs.getString("case_id"),
                        rs.getString("resource"),
                        rs.getString("detail"),
                        rs.getString("reason")),
                caseId);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofUser(String userId, Instant since) {
        writes.flush();
        return jdbc.query(
                "select * from pw_audit where user_id = ? and at >= ? order by at desc, id desc",
                (rs, i) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("user_id"),
                        rs.getString("agency"),
                        rs.getString("action"),
                        rs.getString("door"),
                        rs.getString("case_id"),
                        rs.getString("resource"),
                        rs.getString("detail"),
                        rs.getString("reason")),
                userId,
                since.atOffset(ZoneOffset.UTC));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
