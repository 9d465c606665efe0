package uk.pathways.modeling;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** A running case moved to a new version of its pathway (written to the case's chronology; audit subscribes too). */
public record PathwayMigrated(
        String caseId,
        String reference,
        String processKey,
        int fromVersion,
        int toVersion,
        String processInstanceId,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    public static final String TYPE = "PATHWAY_MIGRATED";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String summary() {
        return "Pathway " + processKey + " moved from version " + fromVersion + " to version " + toVersion + " by "
                + actor.userId();
    }
}
