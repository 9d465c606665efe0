package uk.pathways.casefile;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;

/**
 * Who the child is. One child, one case: an exact identifier, or else the same first name, last name and date of birth,
 * join one case. Identifiers and known-as names are optional.
 */
public record ChildDetails(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String gender,
        String ethnicity,
        String district,
        boolean lookedAfter,
        String placingAuthority,
        ChildIdentifiers identifiers,
        List<KnownAs> knownAs) {

    public ChildDetails {
        identifiers = identifiers == null ? ChildIdentifiers.NONE : identifiers;
        knownAs = knownAs == null ? List.of() : List.copyOf(knownAs);
    }

    /** A child without identifiers or known-as names. */
    public ChildDetails(
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String gender,
            String ethnicity,
            String district,
            boolean lookedAfter,
            String placingAuthority) {
        this(
                firstName,
                lastName,
                dateOfBirth,
                gender,
                ethnicity,
                district,
                lookedAfter,
                placingAuthority,
                ChildIdentifiers.NONE,
                List.of());
    }

    /** The same child, looked after (or not) and placed by this authority. */
    public ChildDetails placed(boolean lookedAfter, String placingAuthority) {
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

    /** The key that makes one child one case: names without case or surrounding space, and the date of birth. */
    public String key() {
        return normalise(firstName) + "|" + normalise(lastName) + "|" + dateOfBirth;
    }

    /** What process variables and task lists show: first name and last initial. */
    public String displayName() {
        return firstName.strip() + " " + lastName.strip().charAt(0) + ".";
    }

    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
