package uk.pathways.casefile.process;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/**
 * A user task was completed. {@code restrictedTo}: the agencies the entry it recorded is restricted to (empty when it is
 * not restricted or recorded nothing), so that a listener need not read the case's entries again in the same step.
 */
public record TaskCompleted(
        String caseId,
        String reference,
        String taskId,
        String taskDefinitionKey,
        String name,
        List<String> candidateGroups,
        Actor actor,
        Instant occurredAt,
        List<String> restrictedTo)
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
