package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;

/** A MASH manager undid a merge: capabilities move back the rows the ledger says they moved. */
public record CaseMergeUndone(
        long mergeId, String survivingCaseId, String mergedCaseId, String reason, Actor actor, Instant occurredAt) {}
