package uk.pathways.gate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's one history writer in Pathways: Camunda's own, except that it writes
 * <ul>
 * <li>no value of a free-text field ({@link FreeText}), as a variable ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL})
 *     or as a form property, whatever door it came through. The completion gate already keeps such text out of the
 *     engine; this is the wall behind it;</li>
 * <li>nothing for the processes and task-local copies declared in {@link HistoryLeftOut} beans (ADR 21): an e-mail's
 *     delivery process, whose record is the outbox row and the chronology, and the Tasklist's copies of the reference
 *     and display name on each task, whose process variables keep their history; and the options the gate offers on
 *     a task, a copy of configuration.</li>
 * </ul>
 */
final class HistoryWriter implements HistoryEventHandler {

    private final HistoryEventHandler delegate = new DbHistoryEventHandler();
    private final Set<String> processes = new HashSet<>();
    private final Set<String> taskLocalCopies = new HashSet<>();
    private final Set<String> offeredOptions;

    /**
     * @param leftOut what the capabilities declared
     * @param offeredOptions the names of the options variables the gate has put on a task so far (it adds to the set)
     */
    HistoryWriter(List<HistoryLeftOut> leftOut, Set<String> offeredOptions) {
        leftOut.forEach(l -> {
            processes.addAll(l.processes());
            taskLocalCopies.addAll(l.taskLocalCopies());
        });
        this.offeredOptions = offeredOptions;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (written(event)) {
            delegate.handleEvent(event);
        }
    }

    private boolean written(HistoryEvent event) {
        if (event.getProcessDefinitionKey() != null && processes.contains(event.getProcessDefinitionKey())) {
            return false;
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            String name = variable.getVariableName();
            return !FreeText.isFreeText(name)
                    && !(variable.getTaskId() != null
                            && (taskLocalCopies.contains(name) || offeredOptions.contains(name)));
        }
        return !(event instanceof HistoricFormPropertyEventEntity property
                && FreeText.isFreeText(property.getPropertyId()));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
