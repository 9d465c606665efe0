package uk.pathways.dashboard;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** The KPIs again, on PostgreSQL (the hand-built history lives in a district of its own, so a kept database is fine). */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresKpiApiTest extends KpiApiTest {}
