package uk.pathways.step;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a step looks up about a case, read once per transaction: a task created for three agencies, the sharing log's
 * rows of one step and the listeners of one completion ask the same questions of the same case (which agencies are
 * involved, which consent position is in force), and the answer cannot change within the step except through
 * Pathways itself, which {@link #evict}s what it changes. Outside a transaction every look-up reads.
 */
@Component
public class StepCache {

    /** A kind of look-up, such as "the agencies involved in a case". */
    public record Kind(String name) {}

    /** The value of {@code kind} for {@code key} in this transaction, read with {@code load} the first time. */
    @SuppressWarnings("unchecked")
    public <T> T get(Kind kind, String key, Supplier<T> load) {
        Map<Object, Object> values = current();
        if (values == null) {
            return load.get();
        }
        Object cacheKey = Map.entry(kind, key == null ? "" : key);
        if (values.containsKey(cacheKey)) {
            return (T) values.get(cacheKey);
        }
        T value = load.get();
        values.put(cacheKey, value);
        return value;
    }

    /** Forgets {@code kind} for {@code key} in this transaction: it changed. */
    public void evict(Kind kind, String key) {
        Map<Object, Object> values = existing();
        if (values != null) {
            values.remove(Map.entry(kind, key == null ? "" : key));
        }
    }

    /** Forgets everything of this transaction (a merge or an erasure moves rows of several cases). */
    public void clear() {
        Map<Object, Object> values = existing();
        if (values != null) {
            values.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> existing() {
        Values values = (Values) TransactionSynchronizationManager.getResource(this);
        return values == null ? null : values.map;
    }

    private Map<Object, Object> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Values values = (Values) TransactionSynchronizationManager.getResource(this);
        if (values == null) {
            values = new Values();
            TransactionSynchronizationManager.bindResource(this, values);
            TransactionSynchronizationManager.registerSynchronization(values);
        }
        return values.map;
    }

    private final class Values implements TransactionSynchronization {

        private final Map<Object, Object> map = new HashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(StepCache.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(StepCache.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            map.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(StepCache.this);
        }
    }
}
