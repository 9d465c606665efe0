package uk.pathways.missing;

/** The answer to an accepted missing report. */
public record MissingReportAccepted(
        String reference, String caseId, String processInstanceId, boolean joinedExistingCase) {}
