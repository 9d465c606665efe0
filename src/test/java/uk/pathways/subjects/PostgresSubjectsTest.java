package uk.pathways.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/**
 * Subjects of concern within need to know, bad input and audit, again, on PostgreSQL (profile {@code postgres},
 * database from PATHWAYS_DB_URL). CI (.ci/run) installs PostgreSQL, creates the database and sets
 * PATHWAYS_TEST_POSTGRES=true.
 */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresSubjectsTest extends SubjectsTest {

    @Test
    void theseTestsReallyRunOnPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
