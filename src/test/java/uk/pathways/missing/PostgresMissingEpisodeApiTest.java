package uk.pathways.missing;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** The missing-episodes API again, on PostgreSQL: 201 survives, 400 creates nothing, the CSV date range holds. */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresMissingEpisodeApiTest extends MissingEpisodeApiTest {}
