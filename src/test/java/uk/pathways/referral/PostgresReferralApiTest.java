package uk.pathways.referral;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** The referral API again, on PostgreSQL: 201 survives, 400 creates nothing (see PostgresCseReferralPathwayTest). */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresReferralApiTest extends ReferralApiTest {}
