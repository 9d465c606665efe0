package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;

/** A chronology event with no further state: what happened, as one line. */
public record PathwayEvent(
        String caseId,
        String reference,
        String eventType,
        String summary,
        Actor actor,
        Instant occurredAt,
        String taskId)
        implements ChronicledEvent {

    public static PathwayEvent of(String caseId, String reference, String eventType, String summary, Actor actor) {
        return new PathwayEvent(caseId, reference, eventType, summary, actor, Now.instant(), null);
    }
}
