package uk.pathways.audit;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(
        long id,
        Instant at,
        String userId,
        String agency,
        String action,
        String door,
        String caseId,
        String resource,
        String detail,
        String reason) {

    public static final String READ = "READ";
    public static final String CHANGE = "CHANGE";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String ACCESS_REQUESTED = "ACCESS_REQUESTED";
    public static final String ACCESS_GRANTED = "ACCESS_GRANTED";
    public static final String ACCESS_REFUSED = "ACCESS_REFUSED";
    public static final String SEARCH = "SEARCH";
    public static final String FOUND_IN_SEARCH = "FOUND_IN_SEARCH";

    public static final String DOOR_API = "API";
    public static final String DOOR_PAGE = "PAGE";
    public static final String DOOR_ENGINE_REST = "ENGINE_REST";
    public static final String DOOR_WEBAPP = "WEBAPP";
    public static final String DOOR_ENGINE = "ENGINE";
}
