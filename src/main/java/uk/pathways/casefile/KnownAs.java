package uk.pathways.casefile;

import java.util.Locale;

/**
 * Another name the child is known by (a known-as name or an alias; issue 16): exploited children often give other
 * names. Either part may be missing, meaning the child's own. The possible duplicates finder looks at these too.
 */
public record KnownAs(String firstName, String lastName) {

    /** The name in full, the child's own part where this one has none. */
    public KnownAs completedBy(String childFirstName, String childLastName) {
        return new KnownAs(firstName == null ? childFirstName : firstName, lastName == null ? childLastName : lastName);
    }

    public boolean sameAs(String otherFirst, String otherLast) {
        return norm(firstName).equals(norm(otherFirst)) && norm(lastName).equals(norm(otherLast));
    }

    /** "Robyn", "Sample" or "Robyn Sample". */
    public String words() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }

    private static String norm(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
