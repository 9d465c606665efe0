package uk.pathways.screening;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.DecisionEvent;
import uk.pathways.casefile.DecisionRecord;

/**
 * The cse-threshold decision was made on a screening (or the re-screening at a review). {@code exploitationType} is
 * the screening's SEXUAL, CRIMINAL or BOTH (null where none was recorded: a case screened before it was asked).
 */
public record ThresholdDecided(
        String caseId,
        String reference,
        String kind,
        int age,
        int screeningScore,
        List<String> indicators,
        boolean disclosure,
        boolean learningDisability,
        String riskLevel,
        String pathway,
        String exploitationType,
        Actor actor,
        Instant occurredAt)
        implements DecisionEvent {

    @Override
    public String eventType() {
        return "THRESHOLD_DECIDED";
    }

    @Override
    public String summary() {
        return "Threshold decision: risk " + words(riskLevel) + ", pathway " + words(pathway) + " (score "
                + screeningScore
                + " from " + indicators.size() + " indicator(s); disclosure " + (disclosure ? "yes" : "no")
                + "; learning disability " + (learningDisability ? "yes" : "no") + "; age " + age
                + (exploitationType == null ? "" : "; exploitation " + words(exploitationType)) + ")";
    }

    @Override
    public DecisionRecord decision() {
        return new DecisionRecord(
                caseId,
                reference,
                kind,
                occurredAt,
                actor,
                age,
                screeningScore,
                indicators,
                disclosure,
                learningDisability,
                riskLevel,
                pathway,
                null,
                exploitationType);
    }

    /** A decision code as words ({@code URGENT_STRATEGY_MEETING}: "urgent strategy meeting"). */
    /** A decision code in words: {@code URGENT_STRATEGY_MEETING} is "urgent strategy meeting". */
    static String words(String code) {
        return code == null ? "none" : code.toLowerCase(java.util.Locale.UK).replace('_', ' ');
    }
}
