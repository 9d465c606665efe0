package uk.pathways.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
            "ASIAN_BANGLADESHI",
            "ASIAN_CHINESE",
            "ASIAN_INDIAN",
            "ASIAN_PAKISTANI",
            "ASIAN_OTHER",
            "BLACK_AFRICAN",
            "BLACK_CARIBBEAN",
            "BLACK_OTHER",
            "MIXED_WHITE_ASIAN",
            "MIXED_WHITE_BLACK_AFRICAN",
            "MIXED_WHITE_BLACK_CARIBBEAN",
            "MIXED_OTHER",
            "WHITE_BRITISH",
            "WHITE_IRISH",
            "WHITE_GYPSY_OR_IRISH_TRAVELLER",
            "WHITE_ROMA",
            "WHITE_OTHER",
            "OTHER_ARAB",
            "OTHER_ANY",
            "NOT_STATED");

    public ChildValidation {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    /** A code field: absent is fine, one of the accepted codes or wordings is stored as its code, anything else is 400. */
    private static String code(
            JsonNode child,
            String name,
            String path,
            JsonFields fields,
            java.util.Optional<String> code,
            String allowed) {
        JsonNode sent = child == null ? null : child.get(name);
        if (sent == null || sent.isNull() || (sent.isTextual() && sent.asText().isBlank())) {
            return null;
        }
        if (code.isEmpty()) {
            if (sent.isTextual() && sent.asText().strip().length() <= 100) { // otherwise reported already
                fields.problem(path, "The child's " + name + " must be " + allowed);
            }
            return null;
        }
        return code.get();
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
        String gender = code(
                child,
                "gender",
                prefix + ".gender",
                fields,
                ChildCodes.gender(fields.text(child, "gender", prefix + ".gender", false, 100)),
                "one of " + String.join(", ", GENDERS.stream().sorted().toList()) + ", or M, F, U");
        String ethnicity = code(
                child,
                "ethnicity",
                prefix + ".ethnicity",
                fields,
                ChildCodes.ethnicity(fields.text(child, "ethnicity", prefix + ".ethnicity", false, 100)),
                "one of " + String.join(", ", ETHNICITIES.stream().sorted().toList()) + ", a DfE census code ("
                        + String.join(", ", ChildCodes.DFE_ETHNICITY.keySet()) + ") or an ONS 2021 category");
        String district = districts.isEmpty()
                ? fields.text(child, "district", prefix + ".district", false, 100)
                : fields.oneOf(child, "district", prefix + ".district", false, Set.copyOf(districts));
        boolean lookedAfter =
                fields.bool(child, "lookedAfter", prefix + ".lookedAfter").orElse(false);
        String placingAuthority = fields.text(child, "placingAuthority", prefix + ".placingAuthority", false, 150);
        if (firstName == null || lastName == null || dateOfBirth == null) {
            return null;
        }
        return new ChildDetails(
                firstName, lastName, dateOfBirth, gender, ethnicity, district, lookedAfter, placingAuthority);
    }
}
