package uk.pathways.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.casefile.ChildIdentifiers;
import uk.pathways.casefile.KnownAs;
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
        ChildIdentifiers identifiers = identifiers(child, prefix, fields);
        List<KnownAs> knownAs = knownAs(child, prefix, fields);
        if (firstName == null || lastName == null || dateOfBirth == null) {
            return null;
        }
        return new ChildDetails(
                firstName,
                lastName,
                dateOfBirth,
                gender,
                ethnicity,
                district,
                lookedAfter,
                placingAuthority,
                identifiers,
                knownAs);
    }

    static final int MOST_KNOWN_AS = 10;
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9/.-]*");

    /**
     * The child's identifiers, all optional (issue 16): an NHS number of 10 digits (spaces allowed) with its Modulus 11
     * check digit, a UPN of 13 characters with the DfE check letter, and the local authority's child id and the police
     * person id (letters, digits, '/', '.' and '-', at most 50). Stored upper case, without spaces in an NHS number.
     */
    private static ChildIdentifiers identifiers(JsonNode child, String prefix, JsonFields fields) {
        String nhs = fields.text(child, ChildIdentifiers.NHS_NUMBER, prefix + ".nhsNumber", false, 20);
        if (nhs != null) {
            String digits = nhs.replace(" ", "");
            if (!digits.matches("\\d{10}")) {
                fields.problem(prefix + ".nhsNumber", "The child's NHS number must be 10 digits, like 943 476 5919");
                nhs = null;
            } else if (!ChildIdentifiers.validNhsNumber(digits)) {
                fields.problem(
                        prefix + ".nhsNumber",
                        "The child's NHS number is not a valid NHS number (its check digit is wrong): check it");
                nhs = null;
            } else {
                nhs = digits;
            }
        }
        String upn = fields.text(child, ChildIdentifiers.UPN, prefix + ".upn", false, 20);
        if (upn != null) {
            upn = upn.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
            if (!upn.matches("[A-Z]\\d{11}[0-9A-Z]")) {
                fields.problem(
                        prefix + ".upn",
                        "The child's unique pupil number must be 13 characters: a letter, 11 digits and a digit or"
                                + " a letter");
                upn = null;
            } else if (!ChildIdentifiers.validUpn(upn)) {
                fields.problem(
                        prefix + ".upn",
                        "The child's unique pupil number is not valid (its check letter is wrong): check it");
                upn = null;
            }
        }
        String laId = reference(child, ChildIdentifiers.LOCAL_AUTHORITY_CHILD_ID, prefix, fields);
        String policeId = reference(child, ChildIdentifiers.POLICE_PERSON_ID, prefix, fields);
        return new ChildIdentifiers(nhs, laId, upn, policeId);
    }

    private static String reference(JsonNode child, String name, String prefix, JsonFields fields) {
        String value = fields.text(child, name, prefix + "." + name, false, 50);
        if (value == null) {
            return null;
        }
        value = value.toUpperCase(java.util.Locale.ROOT);
        if (!REFERENCE.matcher(value).matches()) {
            fields.problem(
                    prefix + "." + name,
                    "The child's "
                            + (name.equals(ChildIdentifiers.POLICE_PERSON_ID)
                                    ? "police person id"
                                    : "local authority child id")
                            + " must only include letters, digits, '/', '.' and '-'");
            return null;
        }
        return value;
    }

    /** Other names the child is known by: a list of {firstName, lastName}, either one, at most 10. */
    private static List<KnownAs> knownAs(JsonNode child, String prefix, JsonFields fields) {
        JsonNode list = JsonFields.at(child, "knownAs");
        String path = prefix + ".knownAs";
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            fields.problem(path, "The child's known-as names must be a list of {firstName, lastName}");
            return List.of();
        }
        if (list.size() > MOST_KNOWN_AS) {
            fields.problem(path, "Give at most " + MOST_KNOWN_AS + " known-as names");
            return List.of();
        }
        List<KnownAs> names = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode name = list.get(i);
            String at = path + "[" + i + "]";
            if (!name.isObject()) {
                fields.problem(at, "A known-as name must be {firstName, lastName}");
                continue;
            }
            boolean hasFirst = !blank(name.get("firstName"));
            boolean hasLast = !blank(name.get("lastName"));
            if (!hasFirst && !hasLast) {
                fields.problem(at, "Enter a first name, a last name or both for each known-as name");
                continue;
            }
            String first = hasFirst ? fields.name(name, "firstName", at + ".firstName") : null;
            String last = hasLast ? fields.name(name, "lastName", at + ".lastName") : null;
            if ((hasFirst && first == null) || (hasLast && last == null)) {
                continue;
            }
            names.add(new KnownAs(first, last));
        }
        return names;
    }

    private static boolean blank(JsonNode node) {
        return node == null
                || node.isNull()
                || (node.isTextual() && node.asText().isBlank());
    }
}
