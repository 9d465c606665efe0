package uk.pathways.web;

import java.util.Optional;

/**
 * The last exception an engine command threw on this thread, so that the engine's HTTP doors can answer for what
 * really went wrong (bad input is a 400 naming the field, never a 500) without reading Camunda's error text.
 */
public final class EngineFailures {

    private static final ThreadLocal<RuntimeException> LAST = new ThreadLocal<>();

    private EngineFailures() {}

    public static void clear() {
        LAST.remove();
    }

    public static Optional<RuntimeException> last() {
        return Optional.ofNullable(LAST.get());
    }

    public static void record(RuntimeException failure) {
        LAST.set(failure);
    }
}
