package uk.pathways.strategymeeting;

import java.util.LinkedHashMap;
import java.util.Map;

/** The organisations an external attendee of a strategy meeting comes from (the schedule form's options). */
public final class ExternalOrganisations {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("HOUSING", "Housing");
        NAMES.put("YOUTH_OFFENDING", "Youth offending service");
        NAMES.put("PLACING_AUTHORITY", "Placing authority");
        NAMES.put("HOST_AUTHORITY", "Host authority");
        NAMES.put("SCHOOL", "The child's school or college");
        NAMES.put("OTHER", "Other organisation");
    }

    private ExternalOrganisations() {}

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    public static Map<String, String> all() {
        return Map.copyOf(NAMES);
    }
}
