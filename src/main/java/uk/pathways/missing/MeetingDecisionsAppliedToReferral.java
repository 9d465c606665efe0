package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;
import uk.pathways.referral.Referrals;

/**
 * A missing child's strategy meeting decided support or protection while a CSE referral was already open for the
 * child: no second referral; the decisions became the open referral's own ({@code applied} says how).
 */
public record MeetingDecisionsAppliedToReferral(
        String caseId,
        String reference,
        String decisions,
        String openReferral,
        Referrals.Applied applied,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "MISSING_MEETING_APPLIED_TO_REFERRAL";
    }

    @Override
    public String summary() {
        String what = switch (applied) {
            case TRACKS_STARTED -> "the tracks it did not have yet started in CSE referral " + openReferral;
            case ALREADY_RUNNING -> "CSE referral " + openReferral + " already runs every one of them";
            case MOVED_TO_SUPPORT ->
                "CSE referral " + openReferral + " moved to support and protection with these decisions, in"
                        + " place of its own screening or meeting";
        };
        return "The strategy meeting for missing episode " + reference + " decided " + decisions + ": " + what;
    }
}
