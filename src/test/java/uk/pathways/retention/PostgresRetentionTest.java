package uk.pathways.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Retention again on PostgreSQL, on a database of its own ({@code PATHWAYS_RETENTION_DB_URL}, created by .ci/run)
 * whose audit trail is sealed first (deploy/postgres/seal-audit.sql, as CI's root may): the erasure reaches the
 * sealed trail only through its two functions, which refuse a live case and a period under a year.
 */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties =
                "spring.datasource.url=${PATHWAYS_RETENTION_DB_URL:jdbc:postgresql://localhost:5432/pathways_retention_test}")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresRetentionTest extends RetentionTest {

    private static boolean sealed;

    @BeforeEach
    void sealTheAuditTrail() throws Exception {
        if (sealed || !"root".equals(System.getProperty("user.name"))) {
            return;
        }
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
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_tables where schemaname = 'audit' and tablename = 'pw_audit'",
                        Integer.class))
                .isOne();
        sealed = true;
    }

    @Test
    void theSealedTrailsWaysOutRefuseALiveCaseAndAPeriodUnderAYear() {
        String live = jdbc.queryForObject("select max(case_id) from pw_case", String.class);
        List<String> statements = new java.util.ArrayList<>(List.of("select pw_audit_expire('6 months')"));
        if (live != null) {
            statements.add("select pw_audit_forget_case('" + live + "')");
        }
        for (String statement : statements) {
            assertThatThrownBy(() -> jdbc.queryForObject(statement, Integer.class))
                    .as(statement)
                    .isInstanceOf(DataAccessException.class);
        }
    }
}
