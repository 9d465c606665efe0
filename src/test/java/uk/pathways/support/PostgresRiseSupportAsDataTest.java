package uk.pathways.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * RISE support as data: the outreach clock from the real time, onward referrals followed up, the plan's review, again, on PostgreSQL (profile {@code postgres}, database from PATHWAYS_DB_URL).
 * CI (.ci/run) installs PostgreSQL, creates the database and sets PATHWAYS_TEST_POSTGRES=true.
 */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresRiseSupportAsDataTest extends RiseSupportAsDataTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theseTestsReallyRunOnPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
