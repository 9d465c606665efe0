package uk.pathways.sharing;

import java.time.Instant;

/**
 * One disclosure of a case's information: what, with whom, when, by whom, on which lawful basis, and the case's consent
 * position in force when it was made ({@code consent} in words; {@code consentId} the recorded position, null where
 * none was recorded and the deployment's configured position applied).
 */
public record Share(
        long id,
        String caseId,
        Instant sharedAt,
        String kind,
        String what,
        String sharedWith,
        String sharedBy,
        String byAgency,
        String lawfulBasis,
        String consent,
        Long consentId,
        String reference) {

    public static final String ACCESS_BY_DECISION = "ACCESS_BY_DECISION";
    public static final String ACCESS_BY_MANAGER = "ACCESS_BY_MANAGER";
    public static final String MEETING_INFORMATION = "MEETING_INFORMATION";
    public static final String EMAIL = "EMAIL";
    public static final String PLACING_AUTHORITY = "PLACING_AUTHORITY";
    public static final String INTELLIGENCE_TO_POLICE = "INTELLIGENCE_TO_POLICE";
    public static final String EXPORT = "EXPORT";
}
