package uk.pathways.casefile;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;

/** A decision and the inputs it was made on. */
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
        String outcome) {}
