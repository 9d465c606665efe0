package uk.pathways.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only two ways rows leave the append-only audit trail, both for retention (docs/data-protection.md): an erased
 * case's rows (refused while the case exists), and rows older than the trail's own retention period (never less than
 * a year, by the database's clock). On PostgreSQL each is a function that a sealed trail lets the application's role
 * call (db/vendor/postgresql/V12_1); on H2 the trigger checks a session variable.
 */
@Service
public class AuditRetention {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    AuditRetention(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    /** Deletes an erased case's audit rows, and the search rows that listed it; returns how many went. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetCase(String caseId) {
        if (postgres) {
            return jdbc.queryForObject("select pw_audit_forget_case(?)", Integer.class, caseId);
        }
        Integer exists = jdbc.queryForObject("select count(*) from pw_case where case_id = ?", Integer.class, caseId);
        if (exists != null && exists > 0) {
            throw new IllegalStateException(
                    "case " + caseId + " still exists: only an erased case's audit rows may be forgotten");
        }
        jdbc.update("set @PATHWAYS_AUDIT_FORGET = ?", "case:" + caseId);
        try {
            return jdbc.update(
                    "delete from pw_audit where case_id = ?"
                            + " or (case_id is null and action = ? and regexp_like(detail, ?))",
                    caseId,
                    AuditEntry.SEARCH,
                    AppendOnlyTrigger.listing(caseId));
        } finally {
            jdbc.update("set @PATHWAYS_AUDIT_FORGET = null");
        }
    }

    /** Deletes audit rows older than {@code keep} (at least a year) by the database's clock; returns how many went. */
    @Transactional
    public int expire(Period keep) {
        if (keep.toTotalMonths() < 12) {
            throw new IllegalArgumentException("the audit trail keeps at least a year (asked to keep " + keep + ")");
        }
        if (postgres) {
            return jdbc.queryForObject("select pw_audit_expire(cast(? as interval))", Integer.class, keep.toString());
        }
        Instant before = Instant.now().atOffset(ZoneOffset.UTC).minus(keep).toInstant();
        jdbc.update("set @PATHWAYS_AUDIT_FORGET = ?", "before:" + before);
        try {
            return jdbc.update("delete from pw_audit where at < ?", before.atOffset(ZoneOffset.UTC));
        } finally {
            jdbc.update("set @PATHWAYS_AUDIT_FORGET = null");
        }
    }

    /** How many audit rows {@link #expire} would delete now. */
    public int expiring(Period keep) {
        Instant before = Instant.now().atOffset(ZoneOffset.UTC).minus(keep).toInstant();
        return jdbc.queryForObject(
                "select count(*) from pw_audit where at < ?", Integer.class, before.atOffset(ZoneOffset.UTC));
    }

    static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
