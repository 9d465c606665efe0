package uk.pathways.disruption;

import java.util.List;

/**
 * A register entry as a police officer gives it (the page's form or {@code POST /api/disruptions}), before it is
 * checked: dates as {@code yyyy-MM-dd}, the cases it protects optional.
 */
public record NewDisruption(
        String tactic,
        String subjectId,
        List<String> caseIds,
        String district,
        String servedBy,
        String servedOn,
        String expiresOn) {

    public NewDisruption {
        caseIds = caseIds == null ? List.of() : caseIds;
    }
}
