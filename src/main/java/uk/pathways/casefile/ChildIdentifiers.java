package uk.pathways.casefile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child's identifiers in partner systems (issue 16), all optional: the NHS number (10 digits, Modulus 11 check
 * digit), the local authority's child id, the unique pupil number (13 characters, the DfE check letter first) and the
 * police person id. Each is stored once, in the case record, and an exact match of any joins the child's case.
 */
public record ChildIdentifiers(String nhsNumber, String localAuthorityChildId, String upn, String policePersonId) {

    public static final ChildIdentifiers NONE = new ChildIdentifiers(null, null, null, null);

    /** The field names of the API's child ({@code child.nhsNumber}, ...), in this order. */
    public static final String NHS_NUMBER = "nhsNumber";

    public static final String LOCAL_AUTHORITY_CHILD_ID = "localAuthorityChildId";
    public static final String UPN = "upn";
    public static final String POLICE_PERSON_ID = "policePersonId";

    /** The UPN's check letters: A to Z without I, O and S, by the remainder of the weighted sum mod 23. */
    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public boolean isEmpty() {
        return given().isEmpty();
    }

    /** The identifiers given, by their API field name. */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, NHS_NUMBER, nhsNumber);
        put(given, LOCAL_AUTHORITY_CHILD_ID, localAuthorityChildId);
        put(given, UPN, upn);
        put(given, POLICE_PERSON_ID, policePersonId);
        return given;
    }

    /** These identifiers, with the ones missing taken from {@code other}. */
    public ChildIdentifiers orElse(ChildIdentifiers other) {
        return new ChildIdentifiers(
                nhsNumber != null ? nhsNumber : other.nhsNumber,
                localAuthorityChildId != null ? localAuthorityChildId : other.localAuthorityChildId,
                upn != null ? upn : other.upn,
                policePersonId != null ? policePersonId : other.policePersonId);
    }

    /** Ten digits whose last is the Modulus 11 check digit of the first nine (weights 10 to 2; 10 is never valid). */
    public static boolean validNhsNumber(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /**
     * A unique pupil number: a check letter, eleven digits, and a digit or (a temporary UPN) a letter; the check letter
     * is the one of the sum of characters 2 to 13 times their position, mod 23 (the DfE's UPN guide).
     */
    public static boolean validUpn(String upn) {
        if (upn == null || !upn.matches("[A-Z]\\d{11}[0-9A-Z]")) {
            return false;
        }
        int sum = 0;
        for (int position = 2; position <= 13; position++) {
            char c = upn.charAt(position - 1);
            int value = Character.isDigit(c) ? c - '0' : UPN_LETTERS.indexOf(c);
            if (value < 0) {
                return false; // I, O or S at the end
            }
            sum += value * position;
        }
        return UPN_LETTERS.charAt(sum % 23) == upn.charAt(0);
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.put(name, value);
        }
    }
}
