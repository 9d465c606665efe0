package uk.pathways.missing;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;
import uk.pathways.casefile.process.Dates;

/**
 * A child was reported missing and the agencies that must know at once are to be told:
 * {@code recipientGroups} are contract groups (children's services first). Notification subscribes.
 */
public record MissingChildReported(
        String caseId,
        String reference,
        String childDisplayName,
        Instant missingSince,
        String episodeType,
        String policeReference,
        String policeRisk,
        List<String> recipientGroups,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "MISSING_REPORTED";
    }

    @Override
    public String summary() {
        return "Missing report " + reference + ": " + EpisodeTypes.describe(episodeType) + " since "
                + Dates.display(Date.from(missingSince)) + ", police reference " + policeReference + ", police risk "
                + policeRisk + ". Told at once: " + String.join(", ", recipientGroups);
    }
}
