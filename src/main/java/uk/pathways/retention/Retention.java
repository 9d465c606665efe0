package uk.pathways.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditRetention;
import uk.pathways.audit.AuditTrail;
import uk.pathways.calendar.Now;

/**
 * The retention schedule at work: the dry-run report of what is due, legal holds, and the run that erases what is
 * due (each case in its own transaction, with its tombstone) and expires old audit rows.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final CaseErasure erasure;
    private final AuditRetention auditRetention;
    private final AuditTrail audit;

    Retention(
            JdbcTemplate jdbc,
            RetentionProperties properties,
            CaseErasure erasure,
            AuditRetention auditRetention,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.erasure = erasure;
        this.auditRetention = auditRetention;
        this.audit = audit;
    }

    public RetentionProperties schedule() {
        return properties;
    }

    /** The rule of a class of record, in words. */
    public String rule(RecordClass recordClass) {
        return properties.rule(recordClass).words();
    }

    /** What the schedule says is due on {@code asOf}: erased that night unless held. */
    @Transactional(readOnly = true)
    public RetentionReport report(LocalDate asOf) {
        Period shortest = properties.getRules().values().stream()
                .map(RetentionProperties.Rule::getAfterClosure)
                .min(Comparator.comparing(Period::toTotalMonths).thenComparing(Period::getDays))
                .orElse(Period.ZERO);
        Instant closedBefore =
                asOf.plusDays(1).minus(shortest).atStartOfDay(Now.UK).toInstant();
        List<RetentionReport.Item> due = new ArrayList<>();
        List<RetentionReport.Item> held = new ArrayList<>();
        jdbc.query(
                """
                select c.case_id, c.date_of_birth, c.looked_after, c.closed_at, h.reason, h.placed_by,
                       (select count(*) from pw_referral r where r.case_id = c.case_id) as referrals
                  from pw_case c left join pw_legal_hold h on h.case_id = c.case_id
                 where c.status = 'CLOSED' and c.closed_at < ?
                 order by c.closed_at, c.case_id""",
                rs -> {
                    RetentionReport.Item item = item(rs);
                    if (!item.dueOn().isAfter(asOf)) {
                        (item.holdReason() == null ? due : held).add(item);
                    }
                },
                closedBefore.atOffset(ZoneOffset.UTC));
        return new RetentionReport(asOf, due, held, auditRetention.expiring(properties.getAuditRows()));
    }

    private RetentionReport.Item item(ResultSet rs) throws SQLException {
        RecordClass recordClass = RecordClass.of(rs.getBoolean("looked_after"), rs.getInt("referrals") > 0);
        RetentionProperties.Rule rule = properties.rule(recordClass);
        LocalDate closedOn = LocalDate.ofInstant(
                rs.getObject("closed_at", OffsetDateTime.class).toInstant(), Now.UK);
        LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
        return new RetentionReport.Item(
                rs.getString("case_id"),
                recordClass,
                rule.words(),
                closedOn,
                rule.dueOn(closedOn, born),
                rs.getString("reason"),
                rs.getString("placed_by"));
    }

    /**
     * The nightly run: once per night across a cluster (the first node to record the night runs it). Erases what is
     * due if {@code pathways.retention.erase} is on, else records the dry run. Empty if another node had the night.
     */
    public Optional<RetentionRun> runNight(LocalDate night) {
        try {
            return Optional.of(run(night, night, properties.isErase()));
        } catch (DuplicateKeyException another) {
            log.info("Retention for {} was run by another node", night);
            return Optional.empty();
        }
    }

    /** Runs the schedule as of a day: the report, then (if {@code erase}) the erasure of what it lists. */
    public RetentionRun run(LocalDate asOf, LocalDate night, boolean erase) {
        Instant started = Now.instant();
        RetentionReport report = report(asOf);
        String mode = erase ? RetentionRun.ERASE : RetentionRun.DRY_RUN;
        org.springframework.jdbc.support.GeneratedKeyHolder key =
                new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement("""
                            insert into pw_retention_run
                                   (night, started_at, mode, due, held, erased, failed, audit_rows_expired)
                            values (?, ?, ?, ?, ?, 0, 0, 0)""", new String[] {"id"});
                    insert.setObject(1, night);
                    insert.setObject(2, started.atOffset(ZoneOffset.UTC));
                    insert.setString(3, mode);
                    insert.setInt(4, report.due().size());
                    insert.setInt(5, report.held().size());
                    return insert;
                },
                key);
        long runId = key.getKey().longValue();
        int erased = 0;
        int failed = 0;
        int auditRows = 0;
        if (erase) {
            for (RetentionReport.Item item : report.due()) {
                try {
                    if (erasure.erase(item.caseId(), item.recordClass(), item.rule(), runId)) {
                        erased++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.error(
                            "Retention could not erase a {} record (run {}); it stays and is retried next night",
                            item.recordClass(),
                            runId,
                            e);
                }
            }
            auditRows = auditRetention.expire(properties.getAuditRows());
        }
        jdbc.update(
                "update pw_retention_run set finished_at = ?, erased = ?, failed = ?, audit_rows_expired = ? where id = ?",
                Now.instant().atOffset(ZoneOffset.UTC),
                erased,
                failed,
                auditRows,
                runId);
        log.info(
                "Retention {} as of {}: {} due, {} held, {} erased, {} failed, {} audit rows expired",
                mode,
                asOf,
                report.due().size(),
                report.held().size(),
                erased,
                failed,
                auditRows);
        return run(runId);
    }

    private RetentionRun run(long id) {
        return jdbc.queryForObject("select * from pw_retention_run where id = ?", (rs, n) -> run(rs), id);
    }

    /** The latest runs, newest first. */
    public List<RetentionRun> runs(int limit) {
        return jdbc.query(
                "select * from pw_retention_run order by started_at desc, id desc fetch first " + limit + " rows only",
                (rs, n) -> run(rs));
    }

    private static RetentionRun run(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new RetentionRun(
                rs.getLong("id"),
                rs.getObject("night", LocalDate.class),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("mode"),
                rs.getInt("due"),
                rs.getInt("held"),
                rs.getInt("erased"),
                rs.getInt("failed"),
                rs.getInt("audit_rows_expired"));
    }

    /** The tombstones of what was erased, newest first. */
    public List<Tombstone> tombstones(int limit) {
        return jdbc.query(
                "select * from pw_tombstone order by erased_at desc, id desc fetch first " + limit + " rows only",
                (rs, n) -> new Tombstone(
                        rs.getLong("id"),
                        rs.getObject("erased_at", OffsetDateTime.class).toInstant(),
                        RecordClass.valueOf(rs.getString("record_class")),
                        rs.getString("rule"),
                        rs.getInt("case_rows"),
                        rs.getInt("engine_instances"),
                        rs.getInt("audit_rows")));
    }

    /** Places (or re-words) a legal hold on a case: it is kept whatever the schedule says. Audited. */
    @Transactional
    public LegalHold placeHold(String caseId, String reason, String userId, String agency) {
        requireCase(caseId);
        Instant now = Now.instant();
        if (jdbc.update(
                        "update pw_legal_hold set reason = ?, placed_by = ?, placed_at = ? where case_id = ?",
                        reason,
                        userId,
                        now.atOffset(ZoneOffset.UTC),
                        caseId)
                == 0) {
            jdbc.update(
                    "insert into pw_legal_hold (case_id, placed_at, placed_by, reason) values (?, ?, ?, ?)",
                    caseId,
                    now.atOffset(ZoneOffset.UTC),
                    userId,
                    reason);
        }
        audit.record(userId, agency, AuditEntry.CHANGE, AuditEntry.DOOR_API, caseId, "legal hold", "placed", reason);
        return new LegalHold(caseId, now, userId, reason);
    }

    /** Lifts a case's legal hold, with the reason. Audited. False if there was none. */
    @Transactional
    public boolean liftHold(String caseId, String reason, String userId, String agency) {
        requireCase(caseId);
        int lifted = jdbc.update("delete from pw_legal_hold where case_id = ?", caseId);
        if (lifted > 0) {
            audit.record(
                    userId, agency, AuditEntry.CHANGE, AuditEntry.DOOR_API, caseId, "legal hold", "lifted", reason);
        }
        return lifted > 0;
    }

    public Optional<LegalHold> hold(String caseId) {
        return holds("where case_id = ?", caseId).stream().findFirst();
    }

    /** Every case under a legal hold, oldest hold first. */
    public List<LegalHold> holds() {
        return holds("");
    }

    private List<LegalHold> holds(String where, Object... args) {
        return jdbc.query(
                "select * from pw_legal_hold " + where + " order by placed_at, case_id",
                (rs, n) -> new LegalHold(
                        rs.getString("case_id"),
                        rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("placed_by"),
                        rs.getString("reason")),
                args);
    }

    public boolean caseExists(String caseId) {
        Integer found = jdbc.queryForObject("select count(*) from pw_case where case_id = ?", Integer.class, caseId);
        return found != null && found > 0;
    }

    private void requireCase(String caseId) {
        if (!caseExists(caseId)) {
            throw new NoSuchElementException("No case " + caseId);
        }
    }
}
