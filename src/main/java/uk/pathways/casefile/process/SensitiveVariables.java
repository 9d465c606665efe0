package uk.pathways.casefile.process;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The names of sensitive variables: every field a model lists in a task's {@code caseRecord} property,
 * and a message's {@code referral} or {@code missingReport} payload. Their values go to the case record (access-controlled and
 * audited) and are never written to the engine's history.
 */
final class SensitiveVariables implements HistoryEventHandler {

    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    static {
        NAMES.add("referral");
        NAMES.add("missingReport");
    }

    private final HistoryEventHandler delegate = new DbHistoryEventHandler();

    static void register(String name) {
        NAMES.add(name);
    }

    static boolean isSensitive(String name) {
        return NAMES.contains(name);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable && isSensitive(variable.getVariableName())) {
            return;
        }
        delegate.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
