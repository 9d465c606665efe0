package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;

/** A manager of an involved agency granted another agency access to a case. */
public record AccessGranted(
        String caseId, long requestId, String agency, String reason, Actor actor, Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String reference() {
        return null;
    }

    @Override
    public String eventType() {
        return "ACCESS_GRANTED";
    }

    @Override
    public String summary() {
        return actor.userId() + " granted " + uk.pathways.agency.Agency.nameOfGroup(agency) + " access to the case";
    }
}
