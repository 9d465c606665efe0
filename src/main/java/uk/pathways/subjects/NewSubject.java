package uk.pathways.subjects;

import java.math.BigDecimal;

/**
 * A subject to record, as a page or {@code POST /api/subjects} gave it; {@code policeOnly} null for the kind's default
 * (persons police-only); {@code caseId} and {@code reason} link it to the case it was recorded from.
 */
public record NewSubject(
        String kind,
        String category,
        String label,
        String description,
        String district,
        BigDecimal latitude,
        BigDecimal longitude,
        Boolean policeOnly,
        String caseId,
        String reason) {}
