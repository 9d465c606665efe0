package uk.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the engine's tables get what B3 showed an agency's Tasklist needs (docs/benchmarks.md): the planner
 * counts the per-task grants instead of guessing (the guess made the first page quadratic in open tasks), the task
 * table has its due-date index, and connections run without JIT and plan each execution with its own values.
 */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresEngineTuningTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper json;

    @Test
    void thePlannerExpectsAsManyTaskGrantsAsThereAre() {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            // 2,000 open tasks' TASK_WORK grants for one group, as the engine writes them (rolled back afterwards)
            jdbc.update("""
                    insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                    select 'tuning-test-' || i, 1, 1, 'tuning-test-group', 7, 'tuning-test-task-' || i, 16386
                    from generate_series(1, 2000) as s(i)""");
            jdbc.execute("analyze act_ru_authorization");
            JsonNode plan = plan(
                    "select * from act_ru_authorization a where a.type_ < 2 and a.group_id_ in ('tuning-test-group')"
                            + " and (a.resource_type_ = 7 and a.perms_ & 2 = 2 or a.resource_type_ = 6 and a.perms_ & 64 = 64)");
            status.setRollbackOnly();

            // without the statistics PostgreSQL guesses about 9 rows here and joins every task to every grant
            assertThat(plan.path("Plan Rows").asDouble()).isGreaterThan(1000);
        });
    }

    @Test
    void theTasklistsSoonestDueOrderHasAnIndex() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_indexes where indexname = 'pw_idx_ru_task_due'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void connectionsRunWithoutJitAndPlanEachExecution() {
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    }

    @Test
    void theScriptIsThreeStatementsWithoutComments() {
        assertThat(EngineTuning.statements())
                .hasSize(3)
                .allSatisfy(
                        statement -> assertThat(statement).doesNotContain("--").doesNotEndWith(";"));
    }

    private JsonNode plan(String query) {
        try {
            return json.readTree(jdbc.queryForObject("explain (format json) " + query, String.class))
                    .path(0)
                    .path("Plan");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
