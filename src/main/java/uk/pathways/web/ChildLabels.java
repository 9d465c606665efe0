package uk.pathways.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The child's gender and ethnic group codes (contract section 6) as pages show them and offer them. */
public final class ChildLabels {

    /** ONS 2021 ethnic groups (the codes of {@code ChildValidation.ETHNICITIES}) as practitioners read them. */
    public static final Map<String, String> ETHNICITIES;
    /** Gender codes as practitioners read them. */
    public static final Map<String, String> GENDERS;

    static {
        Map<String, String> genders = new LinkedHashMap<>();
        Map<String, String> ethnicities = new LinkedHashMap<>();
        genders.put("FEMALE", "Female");
        genders.put("MALE", "Male");
        genders.put("NON_BINARY", "Non-binary");
        genders.put("OTHER", "Other");
        genders.put("NOT_KNOWN", "Not known");
        ethnicities.put("ASIAN_BANGLADESHI", "Asian or Asian British: Bangladeshi");
        ethnicities.put("ASIAN_CHINESE", "Asian or Asian British: Chinese");
        ethnicities.put("ASIAN_INDIAN", "Asian or Asian British: Indian");
        ethnicities.put("ASIAN_PAKISTANI", "Asian or Asian British: Pakistani");
        ethnicities.put("ASIAN_OTHER", "Asian or Asian British: any other Asian background");
        ethnicities.put("BLACK_AFRICAN", "Black, Black British, Caribbean or African: African");
        ethnicities.put("BLACK_CARIBBEAN", "Black, Black British, Caribbean or African: Caribbean");
        ethnicities.put("BLACK_OTHER", "Black, Black British, Caribbean or African: any other background");
        ethnicities.put("MIXED_WHITE_ASIAN", "Mixed or multiple ethnic groups: White and Asian");
        ethnicities.put("MIXED_WHITE_BLACK_AFRICAN", "Mixed or multiple ethnic groups: White and Black African");
        ethnicities.put("MIXED_WHITE_BLACK_CARIBBEAN", "Mixed or multiple ethnic groups: White and Black Caribbean");
        ethnicities.put("MIXED_OTHER", "Mixed or multiple ethnic groups: any other background");
        ethnicities.put("WHITE_BRITISH", "White: English, Welsh, Scottish, Northern Irish or British");
        ethnicities.put("WHITE_IRISH", "White: Irish");
        ethnicities.put("WHITE_GYPSY_OR_IRISH_TRAVELLER", "White: Gypsy or Irish Traveller");
        ethnicities.put("WHITE_ROMA", "White: Roma");
        ethnicities.put("WHITE_OTHER", "White: any other White background");
        ethnicities.put("OTHER_ARAB", "Other ethnic group: Arab");
        ethnicities.put("OTHER_ANY", "Other ethnic group: any other ethnic group");
        ethnicities.put("NOT_STATED", "Not stated");
        GENDERS = Collections.unmodifiableMap(genders);
        ETHNICITIES = Collections.unmodifiableMap(ethnicities);
    }

    private ChildLabels() {}
}
