package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Agency;

/**
 * A decision of the pathway made an agency involved in the case (contract section 8): from now on it may read the
 * case record. The chronology says which decision and who made it.
 */
public record AgencyInvolved(String caseId, String agency, String decision, Actor actor, Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String reference() {
        return null;
    }

    @Override
    public String eventType() {
        return "AGENCY_INVOLVED";
    }

    @Override
    public String summary() {
        String name = Agency.byGroupId(agency).map(Agency::displayName).orElse(agency);
        String by = actor == null || actor == Actor.SYSTEM
                ? "by the pathway"
                : "by " + (actor.agency() == null ? actor.userId() : Agency.nameOfGroup(actor.agency()));
        return name + " became involved in the case: " + decision + ", " + by + ".";
    }
}
