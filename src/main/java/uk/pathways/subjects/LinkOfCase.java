package uk.pathways.subjects;

import java.time.Instant;

/** A subject linked to a child's case, as the case page and {@code subjectsOfConcern} of the case view show it. */
public record LinkOfCase(
        String linkId,
        String subjectId,
        String kind,
        String label,
        String category,
        String district,
        String concernLevel,
        boolean policeOnly,
        String reason,
        String recordedBy,
        String recordedAgency,
        Instant recordedAt) {}
