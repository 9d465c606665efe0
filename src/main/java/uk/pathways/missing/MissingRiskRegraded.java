package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** The police re-graded the risk to a missing child. */
public record MissingRiskRegraded(
        String caseId, String reference, String from, String to, Actor actor, Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "POLICE_RISK_REGRADED";
    }

    @Override
    public String summary() {
        return "Police risk for missing episode " + reference + " re-graded from " + from + " to " + to;
    }
}
