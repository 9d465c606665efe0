package uk.pathways.referral;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** The cse-referral clocks again, on PostgreSQL (see PostgresCseReferralPathwayTest). */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresCseReferralClocksTest extends CseReferralClocksTest {}
