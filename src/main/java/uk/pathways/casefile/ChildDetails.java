package uk.pathways.casefile;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/** Who the child is. One child, one case: the same first name, last name and date of birth join one case. */
public record ChildDetails(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String gender,
        String ethnicity,
        String district,
        boolean lookedAfter,
        String placingAuthority) {

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
