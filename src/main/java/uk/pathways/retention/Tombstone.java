package uk.pathways.retention;

import java.time.Instant;

/** What remains of an erased record: its class, when and under which rule, and how many rows went. No personal data. */
public record Tombstone(
        long id,
        Instant erasedAt,
        RecordClass recordClass,
        String rule,
        int caseRows,
        int engineInstances,
        int auditRows) {}
