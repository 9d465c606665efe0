package uk.pathways.disruption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the disruption register: a tactic served on a subject of concern, the cases it protects, its breaches,
 * what each review and expiry task recorded, and its outcome once it ended. Read by the police only ({@link
 * DisruptionAccess}); never held by the engine, which holds the entry's id and dates only.
 */
public record Disruption(
        String id,
        String tactic,
        String subjectId,
        String subjectKind,
        String subjectLabel,
        boolean subjectPoliceOnly,
        String district,
        String servedBy,
        LocalDate servedOn,
        LocalDate expiresOn,
        LocalDate reviewOn,
        String outcome,
        LocalDate outcomeOn,
        String outcomeBy,
        String processInstanceId,
        String recordedBy,
        String recordedAgency,
        Instant recordedAt,
        List<String> caseIds,
        List<Breach> breaches,
        List<Review> reviews) {

    public static final String COMPLIED = "COMPLIED";
    public static final String BREACHED_AND_CHARGED = "BREACHED_AND_CHARGED";
    public static final String LAPSED = "LAPSED";
    public static final String REVOKED = "REVOKED";

    /** The outcomes that end an entry, in the order the forms offer them. */
    public static final List<String> OUTCOMES = List.of(COMPLIED, BREACHED_AND_CHARGED, LAPSED, REVOKED);

    /** A breach: the day it happened, what happened, who recorded it when. */
    public record Breach(long id, LocalDate breachedOn, String note, String recordedBy, Instant recordedAt) {}

    /** What a review or expiry task (or the register's outcome) recorded. */
    public record Review(
            long id,
            String kind,
            Boolean stillNeeded,
            LocalDate nextReviewOn,
            LocalDate expiresOn,
            String notes,
            String recordedBy,
            Instant recordedAt) {}

    public static final String REVIEWED = "REVIEWED";
    public static final String RENEWED = "RENEWED";
    public static final String ENDED = "ENDED";

    public boolean inForce() {
        return outcome == null;
    }

    public static String outcomeWords(String outcome) {
        if (outcome == null) {
            return "In force";
        }
        return switch (outcome) {
            case COMPLIED -> "Complied with";
            case BREACHED_AND_CHARGED -> "Breached and charged";
            case LAPSED -> "Lapsed";
            case REVOKED -> "Revoked";
            default -> outcome;
        };
    }
}
