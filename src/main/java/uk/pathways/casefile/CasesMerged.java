package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;

/**
 * A MASH manager merged one case into another (the same child): capabilities with rows of their own for the merged
 * case move them now, in the merge's transaction, and note each in the ledger ({@link CaseMerges#ledger}).
 */
public record CasesMerged(
        long mergeId, String survivingCaseId, String mergedCaseId, String reason, Actor actor, Instant occurredAt) {}
