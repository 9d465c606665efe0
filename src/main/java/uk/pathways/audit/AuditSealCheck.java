package uk.pathways.audit;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, says at start-up whether the audit trail is sealed (deploy/postgres/seal-audit.sql): while the
 * application's own role owns {@code pw_audit}, that role could drop it, so an operator is told to seal it.
 */
@Component
class AuditSealCheck {

    private static final Logger log = LoggerFactory.getLogger(AuditSealCheck.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    AuditSealCheck(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (!AuditRetention.isPostgres(dataSource)) {
            return;
        }
        Boolean ownsIt = jdbc.queryForObject(
                "select exists (select 1 from pg_tables where tablename = 'pw_audit' "
                        + "and tableowner = current_user)",
                Boolean.class);
        if (Boolean.TRUE.equals(ownsIt)) {
            log.warn("The audit trail (pw_audit) belongs to the application's own database role, which could drop it. "
                    + "Seal it once as a database administrator: psql -d <database> -v app_role=<role> "
                    + "-f deploy/postgres/seal-audit.sql (docs/security.md)");
        } else {
            log.info("The audit trail is sealed: the application's database role may only read it and add to it");
        }
    }
}
