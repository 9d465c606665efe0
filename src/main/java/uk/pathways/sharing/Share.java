package uk.pathways.sharing;

import java.time.Instant;

/** One disclosure of a case's information: what, with whom, when, by whom and on which lawful basis. */
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
        String reference) {

    public static final String ACCESS_BY_DECISION = "ACCESS_BY_DECISION";
    public static final String ACCESS_BY_MANAGER = "ACCESS_BY_MANAGER";
    public static final String MEETING_INFORMATION = "MEETING_INFORMATION";
    public static final String EMAIL = "EMAIL";
    public static final String PLACING_AUTHORITY = "PLACING_AUTHORITY";
    public static final String INTELLIGENCE_TO_POLICE = "INTELLIGENCE_TO_POLICE";
    public static final String EXPORT = "EXPORT";
}
