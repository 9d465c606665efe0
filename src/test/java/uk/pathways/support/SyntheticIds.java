package uk.pathways.support;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Made-up identifiers for tests, different every call and valid: NHS numbers in the 999 range (never issued to a
 * person) with their Modulus 11 check digit, UPNs with their DfE check letter, local authority and police ids.
 */
public final class SyntheticIds {

    private static final Random RANDOM = new SecureRandom();
    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private SyntheticIds() {}

    /** A valid NHS number, ten digits, 999 first. */
    public static String nhsNumber() {
        while (true) {
            String nine = "999" + String.format("%06d", RANDOM.nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    /** The same NHS number with its check digit wrong. */
    public static String wrongCheckDigit(String nhsNumber) {
        char last = nhsNumber.charAt(9);
        return nhsNumber.substring(0, 9) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** A valid UPN: the check letter, then 12 digits. */
    public static String upn() {
        String rest = "9" + String.format("%011d", Math.floorMod(RANDOM.nextLong(), 100_000_000_000L));
        int sum = 0;
        for (int position = 2; position <= 13; position++) {
            sum += (rest.charAt(position - 2) - '0') * position;
        }
        return UPN_LETTERS.charAt(sum % 23) + rest;
    }

    public static String localAuthorityChildId() {
        return "LA-" + Math.abs(RANDOM.nextLong() % 1_000_000_000L);
    }

    public static String policePersonId() {
        return "PPI/" + Math.abs(RANDOM.nextLong() % 1_000_000_000L);
    }
}
