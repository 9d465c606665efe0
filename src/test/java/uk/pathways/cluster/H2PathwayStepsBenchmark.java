package uk.pathways.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * B1 in memory (H2), for a CPU profile of Pathways against the bare engine without a database server: the ratio of
 * the two, not their rates, is the figure (no disk, no network). Run only when asked:
 * {@code ./mvnw test -Dtest=H2PathwayStepsBenchmark -Dpathways.bench=h2 -Dskip.browser=true}. With
 * {@code -Dpathways.bench.statements=true} it counts instead each side's statements per step, one thread, the task
 * look-ups left out (H2's {@code INFORMATION_SCHEMA.QUERY_STATISTICS}, switched on for each timed step only): the work
 * of a step in a figure the machine's load does not change. A JDBC batch counts once per row.
 */
@EnabledIfSystemProperty(named = "pathways.bench", matches = "h2")
@Tag("app")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test"})
class H2PathwayStepsBenchmark extends StepsBenchmark {

    @Override
    String bareUrl() {
        return "jdbc:h2:mem:pathways-bare;DB_CLOSE_DELAY=-1";
    }

    @Override
    Statements statements(javax.sql.DataSource dataSource) {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
        return new Statements() {
            long total;

            @Override
            public void begin() {
                jdbc.execute("SET QUERY_STATISTICS TRUE");
            }

            final java.util.Map<String, Long> byKind = new java.util.TreeMap<>();

            @Override
            public void end() {
                // the sum's own query is counted in it: one less
                Long n = jdbc.queryForObject(
                        "select sum(execution_count) from information_schema.query_statistics", Long.class);
                total += (n == null ? 0 : n) - 1;
                jdbc.query("select sql_statement, execution_count from information_schema.query_statistics", rs -> {
                    byKind.merge(kind(rs.getString(1)), rs.getLong(2), Long::sum);
                });
                jdbc.execute("SET QUERY_STATISTICS FALSE"); // which also empties the statistics
            }

            @Override
            public String toString() {
                return byKind.entrySet().stream()
                        .sorted(java.util.Map.Entry.<String, Long>comparingByValue()
                                .reversed())
                        .limit(40)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; "));
            }

            @Override
            public long total() {
                return total;
            }
        };
    }

    /** "insert ACT_RU_VARIABLE", "select ACT_RU_TASK", ...: a statement by its verb and first table. */
    static String kind(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        String verb = flat.split(" ", 2)[0].toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher table = java.util.regex.Pattern.compile(
                        "(?i)\\b(?:into|from|update)\\s+([A-Za-z_][A-Za-z0-9_.]*)")
                .matcher(flat);
        return verb + " " + (table.find() ? table.group(1).toUpperCase(java.util.Locale.ROOT) : "?");
    }

    @Override
    long commits() {
        return 0; // H2 keeps no count of commits
    }
}
