package uk.pathways.subjects;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person, location or vehicle of concern ({@code SUB-NNNNNN}). {@code policeOnly}: read by the police alone (persons
 * by default); {@code concernLevel} STANDARD or HIGH, {@code escalatedAt} when it last became HIGH.
 */
public record Subject(
        String subjectId,
        String kind,
        String label,
        String category,
        String description,
        String district,
        BigDecimal latitude,
        BigDecimal longitude,
        boolean policeOnly,
        String concernLevel,
        Instant escalatedAt,
        String recordedBy,
        String recordedAgency,
        Instant recordedAt) {

    public static final String PERSON = "PERSON";
    public static final String LOCATION = "LOCATION";
    public static final String VEHICLE = "VEHICLE";
    public static final String STANDARD = "STANDARD";
    public static final String HIGH = "HIGH";

    /** The categories of each kind, in the order the pages offer them. */
    public static final Map<String, List<String>> CATEGORIES = Map.of(
            PERSON, List.of("SUSPECT", "ASSOCIATE"),
            LOCATION, List.of("ADDRESS", "HOTEL", "TAKEAWAY", "PARK", "OTHER"),
            VEHICLE, List.of("CAR", "TAXI", "OTHER"));

    public static final List<String> KINDS = List.of(PERSON, LOCATION, VEHICLE);

    public boolean isHigh() {
        return HIGH.equals(concernLevel);
    }
}
