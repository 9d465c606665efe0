package uk.pathways.missing;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/**
 * Repeat missing while a CSE referral is already open for the child: no second referral; the open
 * referral's next strategy review is told instead (this chronology line is what it reads).
 */
public record RepeatMissingNotedForReview(
        String caseId,
        String reference,
        List<String> episodes,
        int days,
        String openReferral,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "REPEAT_MISSING_FOR_REVIEW";
    }

    @Override
    public String summary() {
        return "Repeat missing: " + episodes.size() + " episodes in " + days + " days (" + String.join(", ", episodes)
                + "). CSE referral " + openReferral
                + " is already open, so its next review is told instead of a new referral";
    }
}
