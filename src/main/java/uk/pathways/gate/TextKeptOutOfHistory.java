package uk.pathways.gate;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's one history writer in Pathways: Camunda's own, except that no value of a free-text field ({@link
 * FreeText}) is written, as a variable ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}) or as a form property, whatever
 * door it came through. The completion gate already keeps such text out of the engine; this is the wall behind it.
 */
final class TextKeptOutOfHistory implements HistoryEventHandler {

    private final HistoryEventHandler delegate = new DbHistoryEventHandler();

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable
                && FreeText.isFreeText(variable.getVariableName())) {
            return;
        }
        if (event instanceof HistoricFormPropertyEventEntity property
                && FreeText.isFreeText(property.getPropertyId())) {
            return;
        }
        delegate.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
