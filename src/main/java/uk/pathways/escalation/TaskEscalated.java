package uk.pathways.escalation;

import java.time.Instant;
import java.util.Date;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;
import uk.pathways.casefile.process.Dates;

/** A task's clock was breached: it gained {@code escalatedTo} as a candidate group (or its assignee was reminded). */
public record TaskEscalated(
        String caseId,
        String reference,
        String processInstanceId,
        String taskId,
        String taskDefinitionKey,
        String name,
        Date due,
        String escalatedTo,
        boolean reminder,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return reminder ? "TASK_REMINDER" : "TASK_ESCALATED";
    }

    @Override
    public String summary() {
        if (reminder) {
            boolean early = due != null && due.toInstant().isAfter(occurredAt);
            return "Reminder: \"" + name + "\" " + (early ? "is due " : "was due ") + Dates.display(due)
                    + (escalatedTo == null
                            ? ""
                            : " (reminded: " + uk.pathways.agency.Agency.nameOfGroup(escalatedTo) + ")");
        }
        return "\"" + name + "\" is overdue (due " + Dates.display(due) + "): escalated to "
                + uk.pathways.agency.Agency.nameOfGroup(escalatedTo);
    }

    @Override
    public Actor actor() {
        return Actor.SYSTEM;
    }
}
