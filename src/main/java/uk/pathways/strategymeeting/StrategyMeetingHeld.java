package uk.pathways.strategymeeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.DecisionEvent;
import uk.pathways.casefile.DecisionRecord;

/**
 * A strategy meeting was held and decided: RISE support, a section 47 enquiry, a police investigation; with the
 * agencies invited to it (the minutes' notice goes to them) and how many actions it agreed.
 */
public record StrategyMeetingHeld(
        String caseId,
        String reference,
        boolean riseAccepted,
        boolean section47,
        boolean policeInvestigation,
        Actor actor,
        Instant occurredAt,
        List<String> invitedAgencies,
        int actionsAgreed)
        implements DecisionEvent {

    public StrategyMeetingHeld {
        invitedAgencies = invitedAgencies == null ? List.of() : List.copyOf(invitedAgencies);
    }

    @Override
    public String eventType() {
        return "STRATEGY_MEETING_HELD";
    }

    public String outcome() {
        List<String> parts = new ArrayList<>();
        parts.add(riseAccepted ? "RISE accepted" : "RISE not accepted");
        parts.add(section47 ? "section 47 enquiry" : "no section 47 enquiry");
        parts.add(policeInvestigation ? "police investigation" : "no police investigation");
        return String.join("; ", parts);
    }

    @Override
    public String summary() {
        return "Strategy meeting held: " + outcome()
                + (actionsAgreed == 0
                        ? ""
                        : "; " + actionsAgreed + (actionsAgreed == 1 ? " action" : " actions") + " agreed");
    }

    @Override
    public DecisionRecord decision() {
        return new DecisionRecord(
                caseId,
                reference,
                "STRATEGY_MEETING",
                occurredAt,
                actor,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                outcome());
    }
}
