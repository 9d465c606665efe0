package uk.pathways.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows Pathways adds during a step (the chronology, the audit trail of changes), collected in the step's transaction
 * and written at its commit, after the engine's own flush and in the same database transaction: one JDBC batch per
 * statement instead of one round trip per row. A rolled-back step writes nothing, as before. Rows keep their order
 * within a statement, so ids still follow the order of events.
 * <p>
 * Outside a transaction a row is written at once. Whoever reads or changes these tables in a transaction that may
 * hold rows not yet written calls {@link #flush()} first (the case record's chronology read, a merge, an erasure,
 * the audit trail's reads); a transaction suspended for an inner one ({@code REQUIRES_NEW}) keeps its rows apart.
 */
@Component
public class StepWrites {

    private final JdbcTemplate jdbc;

    StepWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a row: {@code insert} is an insert statement with one {@code ?} for each of {@code args}. */
    public void insert(String insert, Object... args) {
        Batch batch = current();
        if (batch == null) {
            jdbc.update(insert, args);
        } else {
            batch.rows.computeIfAbsent(insert, s -> new ArrayList<>()).add(args);
        }
    }

    /** Writes now what this transaction has collected, before a statement that must see it. */
    public void flush() {
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch != null) {
            batch.write();
        }
    }

    /** How many rows wait for this transaction's commit (for tests). */
    int pending() {
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        return batch == null
                ? 0
                : batch.rows.values().stream().mapToInt(List::size).sum();
    }

    private Batch current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    /** One transaction's rows, by statement in the order each statement was first used. */
    private final class Batch implements TransactionSynchronization {

        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

        void write() {
            for (Map.Entry<String, List<Object[]>> statement : rows.entrySet()) {
                List<Object[]> args = statement.getValue();
                if (args.size() == 1) {
                    jdbc.update(statement.getKey(), args.get(0));
                } else if (!args.isEmpty()) {
                    jdbc.batchUpdate(statement.getKey(), args);
                }
            }
            rows.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write();
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(StepWrites.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(StepWrites.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            rows.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(StepWrites.this);
        }
    }
}
