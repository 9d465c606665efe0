package uk.pathways.missing;

import java.util.Set;

/** The contract's police risk grades and episode types (section 6), and how practitioners read them. */
public final class EpisodeTypes {

    public static final String MISSING_FROM_HOME = "MISSING_FROM_HOME";
    public static final String MISSING_FROM_CARE = "MISSING_FROM_CARE";
    public static final String AWAY_FROM_PLACEMENT = "AWAY_FROM_PLACEMENT";
    public static final Set<String> EPISODE_TYPES = Set.of(MISSING_FROM_HOME, MISSING_FROM_CARE, AWAY_FROM_PLACEMENT);

    public static final String HIGH = "HIGH";
    public static final Set<String> POLICE_RISKS = Set.of("VERY_LOW", "LOW", "MEDIUM", HIGH);

    private EpisodeTypes() {}

    /** A child missing from care or away from a placement is looked after. */
    public static boolean fromCare(String episodeType) {
        return MISSING_FROM_CARE.equals(episodeType) || AWAY_FROM_PLACEMENT.equals(episodeType);
    }

    static String describe(String episodeType) {
        return switch (episodeType) {
            case MISSING_FROM_HOME -> "missing from home";
            case MISSING_FROM_CARE -> "missing from care";
            case AWAY_FROM_PLACEMENT -> "away from placement";
            default -> episodeType;
        };
    }
}
