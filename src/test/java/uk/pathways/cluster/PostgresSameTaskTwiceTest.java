package uk.pathways.cluster;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** The same race on PostgreSQL, where the loser meets the winner's row lock and then an OptimisticLockingException. */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresSameTaskTwiceTest extends SameTaskTwiceTest {}
