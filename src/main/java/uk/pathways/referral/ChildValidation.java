package uk.pathways.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.fasterxml.jackson.databind.JsonNode;

import uk.pathways.casefile.ChildDetails;
import uk.pathways.web.JsonFields;

/**
 * The child part of a referral or missing report: names present and of sane length, a real date of
 * birth in the past and under 18 on the day, known gender and ethnicity codes, a known district.
 */
@ConfigurationProperties("pathways.child")
public record ChildValidation(List<String> districts) {

    public static final Set<String> GENDERS = Set.of("FEMALE", "MALE", "NON_BINARY", "OTHER", "NOT_KNOWN");
    /** ONS 2021 ethnic group categories (England and Wales), as codes. */
    public static final Set<String> ETHNICITIES = Set.of(
            "ASIAN_BANGLADESHI", "ASIAN_CHINESE", "ASIAN_INDIAN", "ASIAN_PAKISTANI", "ASIAN_OTHER",
            "BLACK_AFRICAN", "BLACK_CARIBBEAN", "BLACK_OTHER",
            "MIXED_WHITE_ASIAN", "MIXED_WHITE_BLACK_AFRICAN", "MIXED_WHITE_BLACK_CARIBBEAN", "MIXED_OTHER",
            "WHITE_BRITISH", "WHITE_IRISH", "WHITE_GYPSY_OR_IRISH_TRAVELLER", "WHITE_ROMA", "WHITE_OTHER",
            "OTHER_ARAB", "OTHER_ANY", "NOT_STATED");

    public ChildValidation {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    /** Reads and checks {@code prefix.*} of the body, reporting problems to {@code fields}; null if bad. */
    public ChildDetails read(JsonNode child, String prefix, LocalDate today, JsonFields fields) {
        String firstName = fields.name(child, "firstName", prefix + ".firstName");
        String lastName = fields.name(child, "lastName", prefix + ".lastName");
        LocalDate dateOfBirth = fields.date(child, "dateOfBirth", prefix + ".dateOfBirth", true);
        if (dateOfBirth != null) {
            if (!dateOfBirth.isBefore(today)) {
                fields.problem(prefix + ".dateOfBirth", "The child's date of birth must be in the past");
                dateOfBirth = null;
            } else if (!dateOfBirth.plusYears(18).isAfter(today)) {
                fields.problem(prefix + ".dateOfBirth", "The child must be under 18 on the date of the referral");
                dateOfBirth = null;
            }
        }
        String gender = fields.oneOf(child, "gender", prefix + ".gender", false, GENDERS);
        String ethnicity = fields.oneOf(child, "ethnicity", prefix + ".ethnicity", false, ETHNICITIES);
        String district = districts.isEmpty()
                ? fields.text(child, "district", prefix + ".district", false, 100)
                : fields.oneOf(child, "district", prefix + ".district", false, Set.copyOf(districts));
        boolean lookedAfter = fields.bool(child, "lookedAfter", prefix + ".lookedAfter").orElse(false);
        String placingAuthority = fields.text(child, "placingAuthority", prefix + ".placingAuthority", false, 150);
        if (firstName == null || lastName == null || dateOfBirth == null) {
            return null;
        }
        return new ChildDetails(firstName, lastName, dateOfBirth, gender, ethnicity, district, lookedAfter, placingAuthority);
    }
}
