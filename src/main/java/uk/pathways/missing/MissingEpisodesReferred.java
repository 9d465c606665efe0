package uk.pathways.missing;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/**
 * A CSE referral was started from missing episodes: {@code reason} CSE_CONCERN (one episode, from its return
 * home interview), REPEAT_MISSING (every episode inside the repeat window) or STRATEGY_MEETING (the episode's
 * strategy meeting decided support or protection, and the referral starts there). {@code reference} is the
 * episode that started it.
 */
public record MissingEpisodesReferred(
        String caseId,
        String reference,
        String referralReference,
        String reason,
        List<String> episodes,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    public static final String CSE_CONCERN = "CSE_CONCERN";
    public static final String REPEAT_MISSING = "REPEAT_MISSING";
    /** The missing child's strategy meeting decided support or protection: the referral starts at that stage. */
    public static final String STRATEGY_MEETING = "STRATEGY_MEETING";

    @Override
    public String eventType() {
        return "CSE_REFERRAL_FROM_MISSING";
    }

    @Override
    public String summary() {
        if (REPEAT_MISSING.equals(reason)) {
            return "Repeat missing (" + String.join(", ", episodes) + "): CSE referral " + referralReference
                    + " started";
        }
        if (STRATEGY_MEETING.equals(reason)) {
            return "The strategy meeting for missing episode " + reference + " decided support or protection: CSE"
                    + " referral " + referralReference + " started at support and protection";
        }
        return "CSE concern at the return home interview of " + reference + ": CSE referral " + referralReference
                + " started";
    }
}
