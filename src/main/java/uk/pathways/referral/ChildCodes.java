package uk.pathways.referral;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.pathways.web.ChildLabels;

/**
 * The code lists a partner system may send for a child (contract section 6), each read into the one code Pathways
 * stores: for ethnicity, Pathways' own codes, the Department for Education's census codes ({@code WBRI} ...) and the
 * ONS 2021 category wording ("White: English, Welsh, Scottish, Northern Irish or British", also "White British");
 * for gender, Pathways' codes, the census's {@code M}, {@code F}, {@code U} and the words. Letter case and spaces
 * do not matter. Anything else is not a code: the caller answers 400 naming the field.
 */
public final class ChildCodes {

    /** The DfE school census ethnicity codes (main categories) and the Pathways code each is stored as. */
    public static final Map<String, String> DFE_ETHNICITY;

    private static final Map<String, String> ETHNICITY_WORDS = new LinkedHashMap<>();
    private static final Map<String, String> GENDER_WORDS = new LinkedHashMap<>();

    static {
        Map<String, String> dfe = new LinkedHashMap<>();
        dfe.put("WBRI", "WHITE_BRITISH");
        dfe.put("WIRI", "WHITE_IRISH");
        dfe.put("WIRT", "WHITE_GYPSY_OR_IRISH_TRAVELLER");
        dfe.put("WROM", "WHITE_ROMA");
        dfe.put("WOTH", "WHITE_OTHER");
        dfe.put("MWBC", "MIXED_WHITE_BLACK_CARIBBEAN");
        dfe.put("MWBA", "MIXED_WHITE_BLACK_AFRICAN");
        dfe.put("MWAS", "MIXED_WHITE_ASIAN");
        dfe.put("MOTH", "MIXED_OTHER");
        dfe.put("AIND", "ASIAN_INDIAN");
        dfe.put("APKN", "ASIAN_PAKISTANI");
        dfe.put("ABAN", "ASIAN_BANGLADESHI");
        dfe.put("AOTH", "ASIAN_OTHER");
        dfe.put("CHNE", "ASIAN_CHINESE");
        dfe.put("BCRB", "BLACK_CARIBBEAN");
        dfe.put("BAFR", "BLACK_AFRICAN");
        dfe.put("BOTH", "BLACK_OTHER");
        dfe.put("OOTH", "OTHER_ANY");
        dfe.put("REFU", "NOT_STATED");
        dfe.put("NOBT", "NOT_STATED");
        DFE_ETHNICITY = java.util.Collections.unmodifiableMap(dfe);
        ChildLabels.ETHNICITIES.forEach((code, wording) -> ETHNICITY_WORDS.put(key(wording), code));
        ETHNICITY_WORDS.put(key("White British"), "WHITE_BRITISH");
        ETHNICITY_WORDS.put(key("White Irish"), "WHITE_IRISH");
        ETHNICITY_WORDS.put(key("Prefer not to say"), "NOT_STATED");
        ChildLabels.GENDERS.forEach((code, wording) -> GENDER_WORDS.put(key(wording), code));
        GENDER_WORDS.put("M", "MALE");
        GENDER_WORDS.put("F", "FEMALE");
        GENDER_WORDS.put("U", "NOT_KNOWN");
    }

    private ChildCodes() {}

    /** The stored ethnicity code for what was sent, if it is one of the accepted codes or wordings. */
    public static Optional<String> ethnicity(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        String given = sent.strip();
        String upper = given.toUpperCase(Locale.UK);
        if (ChildValidation.ETHNICITIES.contains(upper)) {
            return Optional.of(upper);
        }
        if (DFE_ETHNICITY.containsKey(upper)) {
            return Optional.of(DFE_ETHNICITY.get(upper));
        }
        return Optional.ofNullable(ETHNICITY_WORDS.get(key(given)));
    }

    /** The stored gender code for what was sent, if it is one of the accepted codes or words. */
    public static Optional<String> gender(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        String upper = sent.strip().toUpperCase(Locale.UK);
        if (ChildValidation.GENDERS.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(GENDER_WORDS.get(key(sent)));
    }

    /** Words compared without case, spacing or punctuation around them. */
    private static String key(String words) {
        return words.strip().toUpperCase(Locale.UK).replaceAll("\\s+", " ");
    }
}
