package uk.pathways.casefile;

import java.time.Instant;

/** A case as the record holds it; {@code exploitationType} the latest screening's (SEXUAL, CRIMINAL or BOTH). */
public record CaseSummary(
        String caseId,
        ChildDetails child,
        String riskLevel,
        String pathway,
        String exploitationType,
        String stage,
        String status,
        Instant openedAt,
        Instant closedAt,
        String closureReason) {

    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
