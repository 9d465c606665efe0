package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/**
 * A missing child's strategy meeting decided support or protection while a CSE referral is already open for the
 * child: no second referral; the open referral carries the case's support and protection, and its next strategy
 * review reads this chronology line.
 */
public record MeetingDecisionsNotedForReferral(
        String caseId, String reference, String decisions, String openReferral, Actor actor, Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "MISSING_MEETING_FOR_REVIEW";
    }

    @Override
    public String summary() {
        return "The strategy meeting for missing episode " + reference + " decided " + decisions + ". CSE referral "
                + openReferral + " is already open, so its support and protection go on there and its next review"
                + " is told";
    }
}
