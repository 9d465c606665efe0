package uk.pathways.referral;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** A referral was received and recorded; the cse-referral pathway started for it. */
public record ReferralReceived(
        String caseId,
        String reference,
        String referrerAgency,
        String source,
        boolean joinedExistingCase,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "REFERRAL_RECEIVED";
    }

    @Override
    public String summary() {
        return "Referral " + reference + " received from " + referrerAgency
                + (joinedExistingCase ? " (joined the child's existing case)" : " (new case opened)");
    }
}
