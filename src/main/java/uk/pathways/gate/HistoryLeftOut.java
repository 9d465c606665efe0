package uk.pathways.gate;

import java.util.Set;

/**
 * History that no reader needs, which the engine's history writer ({@link HistoryWriter}) leaves out besides free
 * text. A capability declares a bean for what it owns; ADR 21 says why each is safe to leave out.
 *
 * @param processes processes whose instances write no history at all: their own tables keep the record
 * @param taskLocalCopies task-local variables that only copy a process variable (or a list of options) for the
 *     Tasklist to show: the process variable keeps the history, the copy writes none
 */
public record HistoryLeftOut(Set<String> processes, Set<String> taskLocalCopies) {

    public static HistoryLeftOut processes(String... keys) {
        return new HistoryLeftOut(Set.of(keys), Set.of());
    }

    public static HistoryLeftOut taskLocalCopies(String... names) {
        return new HistoryLeftOut(Set.of(), Set.of(names));
    }
}
