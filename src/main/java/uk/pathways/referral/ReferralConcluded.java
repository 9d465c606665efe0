package uk.pathways.referral;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** A referral's pathway ended: signposted, no further action, or the case closed. */
public record ReferralConcluded(
        String caseId,
        String reference,
        String outcome,
        String description,
        boolean caseClosed,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "REFERRAL_CONCLUDED";
    }

    @Override
    public String summary() {
        return "Referral " + reference + " concluded: " + description + (caseClosed ? ". The case is closed." : ".");
    }
}
