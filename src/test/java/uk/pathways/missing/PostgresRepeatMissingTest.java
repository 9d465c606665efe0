package uk.pathways.missing;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** Repeat missing again, on PostgreSQL: the 90-day window is a timestamp comparison in SQL. */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresRepeatMissingTest extends RepeatMissingTest {}
