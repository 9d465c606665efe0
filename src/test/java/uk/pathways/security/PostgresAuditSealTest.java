package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;

/**
 * On PostgreSQL the application's own role cannot empty the audit trail: TRUNCATE is refused by a trigger, and once a
 * database administrator has run deploy/postgres/seal-audit.sql (as CI does here, as the postgres superuser) the role
 * may only read the trail and add to it: no TRUNCATE, DELETE, UPDATE, DROP or ALTER, while Pathways keeps auditing.
 */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresAuditSealTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    @Test
    void theAuditTrailCannotBeTruncatedEvenBeforeItIsSealed() {
        assertThatThrownBy(() -> jdbc.execute("truncate table pw_audit")).isInstanceOf(DataAccessException.class);
    }

    @Test
    void onceSealedTheApplicationsRoleOnlyReadsAndAddsToTheTrail() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "sealing needs the postgres superuser (CI runs as root)");
        seal();
        seal(); // a second run changes nothing and fails on nothing
        audit.recordAlone("seal-probe", null, AuditEntry.READ, AuditEntry.DOOR_API, null, "probe", null, null);
        int rows = jdbc.queryForObject("select count(*) from pw_audit", Integer.class);

        for (String statement : List.of(
                "truncate table audit.pw_audit",
                "delete from pw_audit",
                "update pw_audit set user_id = 'x'",
                "drop table audit.pw_audit",
                "alter table audit.pw_audit disable trigger all",
                "drop schema audit cascade",
                "delete from audit.pw_audit")) {
            assertThatThrownBy(() -> jdbc.execute(statement)).as(statement).isInstanceOf(DataAccessException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from pw_audit where user_id = 'seal-probe'", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from pw_audit", Integer.class))
                .isEqualTo(rows);
    }

    private void seal() throws Exception {
        String database = jdbc.queryForObject("select current_database()", String.class);
        String role = jdbc.queryForObject("select current_user", String.class);
        Path script = Path.of("deploy/postgres/seal-audit.sql").toAbsolutePath();
        Process psql = new ProcessBuilder(
                        "su", "postgres", "-c", "psql -q -d " + database + " -v app_role=" + role + " -f " + script)
                .redirectErrorStream(true)
                .start();
        String output = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(psql.exitValue()).as(output).isZero();
    }
}
