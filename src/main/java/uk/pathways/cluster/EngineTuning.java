package uk.pathways.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Planner statistics and an index on Camunda's runtime tables, on PostgreSQL only ({@value #SCRIPT}), applied once
 * the engine has its schema, on every start: without them an agency's Tasklist slows quadratically with its open
 * tasks (docs/benchmarks.md, B3). Nodes starting together take turns (an advisory lock), so two nodes never create
 * the same index at once; a statement the server refuses is logged and skipped.
 * {@code pathways.engine-tuning.enabled=false} leaves the tables as Camunda made them (the benchmark's "before").
 */
@Component
@Order(1)
class EngineTuning extends AbstractProcessEnginePlugin {

    static final String SCRIPT = "db/engine-tuning/postgresql.sql";
    private static final long LOCK = 0x5041_5448_5741_5953L; // "PATHWAYS"
    private static final Logger log = LoggerFactory.getLogger(EngineTuning.class);

    private final JdbcTemplate jdbc;
    private final boolean enabled;

    EngineTuning(JdbcTemplate jdbc, @Value("${pathways.engine-tuning.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String database =
                ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDatabaseType();
        if (!enabled || !"postgres".equals(database)) {
            return;
        }
        List<String> statements = statements();
        int applied = jdbc.execute((ConnectionCallback<Integer>) connection -> apply(connection, statements));
        log.info(
                "Engine tables tuned for PostgreSQL: {} of {} statements from {} applied",
                applied,
                statements.size(),
                SCRIPT);
    }

    /**
     * Each statement on its own (autocommit), under a session advisory lock. A statement the server refuses (an
     * older PostgreSQL without statistics on expressions, say) is logged and skipped: tuning never stops a start.
     */
    private static int apply(Connection connection, List<String> statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement sql = connection.createStatement()) {
            sql.execute("select pg_advisory_lock(" + LOCK + ")");
            int applied = 0;
            try {
                for (String statement : statements) {
                    try {
                        sql.execute(statement);
                        applied++;
                    } catch (SQLException e) {
                        log.warn(
                                "Engine tuning statement skipped ({}): {}",
                                e.getMessage(),
                                statement.lines().findFirst().orElse(""));
                    }
                }
            } finally {
                sql.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
            return applied;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The script's statements: paragraphs separated by blank lines, comment lines left out. */
    static List<String> statements() {
        try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(script.split("\\R\\s*\\R"))
                    .map(paragraph -> paragraph
                            .lines()
                            .filter(line -> !line.strip().startsWith("--"))
                            .collect(Collectors.joining("\n"))
                            .strip())
                    .filter(statement -> !statement.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + SCRIPT, e);
        }
    }
}
