package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.casefile.ChildDetails;

/**
 * A missing report that passed validation: the child as reported, or the id of the child's existing case
 * (exactly one of {@code child} and {@code caseId}). {@code returnedAt} is set when the child was already
 * back when the report was made.
 */
public record NewMissingReport(
        ChildDetails child,
        String caseId,
        Instant missingSince,
        String policeReference,
        String policeRisk,
        String episodeType,
        String placingAuthority,
        boolean outOfArea,
        Instant returnedAt) {}
