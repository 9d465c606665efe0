package uk.pathways.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names of every free-text field of every deployed form (and the message payloads, which carry a referral's or a
 * report's text): values under these names are kept out of the engine's history whatever door they came through.
 */
public final class FreeText {

    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    static {
        NAMES.add("referral");
        NAMES.add("missingReport");
    }

    private FreeText() {}

    public static boolean isFreeText(String name) {
        return name != null && NAMES.contains(name);
    }

    /** Registers the free-text fields of a form (at deployment, and for every form deployed before start-up). */
    public static void register(JsonNode form) {
        FormRules.parse(form).fields().values().stream()
                .filter(FormField::freeText)
                .forEach(f -> NAMES.add(f.key()));
    }

    static void register(String name) {
        NAMES.add(name);
    }
}
