package uk.pathways.retention;

import java.time.Instant;

/** A case kept whatever the schedule says (litigation, an inquiry, a review), until the hold is lifted. */
public record LegalHold(String caseId, Instant placedAt, String placedBy, String reason) {}
