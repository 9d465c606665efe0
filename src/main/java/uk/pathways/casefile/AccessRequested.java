package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;

/** An agency not involved in a case asked to read it, with a reason. */
public record AccessRequested(String caseId, long requestId, String reason, Actor actor, Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String reference() {
        return null;
    }

    @Override
    public String eventType() {
        return "ACCESS_REQUESTED";
    }

    @Override
    public String summary() {
        return actor.userId() + " (" + uk.pathways.agency.Agency.nameOfGroup(actor.agency())
                + ") asked for access to the case";
    }
}
