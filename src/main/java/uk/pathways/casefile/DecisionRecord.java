package uk.pathways.casefile;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;

/**
 * A decision and the inputs it was made on. {@code exploitationType} (SEXUAL, CRIMINAL or BOTH) is the screening
 * practitioner's, recorded with a screening or review decision; null for any other decision.
 */
public record DecisionRecord(
        String caseId,
        String reference,
        String kind,
        Instant decidedAt,
        Actor decidedBy,
        Integer age,
        Integer screeningScore,
        List<String> indicators,
        Boolean disclosure,
        Boolean learningDisability,
        String riskLevel,
        String pathway,
        String outcome,
        String exploitationType) {

    /** A decision that records no exploitation type. */
    public DecisionRecord(
            String caseId,
            String reference,
            String kind,
            Instant decidedAt,
            Actor decidedBy,
            Integer age,
            Integer screeningScore,
            List<String> indicators,
            Boolean disclosure,
            Boolean learningDisability,
            String riskLevel,
            String pathway,
            String outcome) {
        this(
                caseId,
                reference,
                kind,
                decidedAt,
                decidedBy,
                age,
                screeningScore,
                indicators,
                disclosure,
                learningDisability,
                riskLevel,
                pathway,
                outcome,
                null);
    }
}
