package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** A strategy meeting was called for a missing child: at once for a HIGH police risk, or by the missing clock. */
public record MissingStrategyMeetingCalled(
        String caseId, String reference, String reason, Actor actor, Instant occurredAt) implements ChronicledEvent {

    @Override
    public String eventType() {
        return "MISSING_STRATEGY_MEETING_CALLED";
    }

    @Override
    public String summary() {
        return "Strategy meeting called for missing episode " + reference + ": " + reason;
    }
}
