package uk.pathways.casefile.process;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** A user task was completed. */
public record TaskCompleted(
        String caseId,
        String reference,
        String taskId,
        String taskDefinitionKey,
        String name,
        List<String> candidateGroups,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "TASK_COMPLETED";
    }

    @Override
    public String summary() {
        return "\"" + name + "\" completed";
    }
}
