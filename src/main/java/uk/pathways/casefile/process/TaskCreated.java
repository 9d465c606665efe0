package uk.pathways.casefile.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.ChronicledEvent;

/** A user task was created for an agency. */
public record TaskCreated(
        String caseId,
        String reference,
        String taskId,
        String taskDefinitionKey,
        String name,
        List<String> candidateGroups,
        String assignee,
        Date due,
        String stage,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "TASK_CREATED";
    }

    @Override
    public String summary() {
        String who = assignee != null
                ? assignee
                : String.join(
                        ", ", candidateGroups.stream().map(Agency::nameOfGroup).toList());
        return "New task \"" + name + "\" for " + who + (due == null ? "" : ", due " + Dates.display(due));
    }

    @Override
    public Actor actor() {
        return Actor.SYSTEM;
    }
}
