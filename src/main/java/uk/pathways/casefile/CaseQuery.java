package uk.pathways.casefile;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a practitioner searches cases by: a reference (a case id such as {@code CASE-2026-000001} or a
 * referral reference {@code REF-2026-000001}), or words of the child's name (each word the start of the
 * first or last name), and optionally the date of birth. Both given: both must match.
 */
public record CaseQuery(String text, LocalDate dateOfBirth) {

    private static final Pattern REFERENCE = Pattern.compile("^[A-Z]{2,5}-\\d{4}-\\d{1,8}$");

    public CaseQuery {
        text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    public boolean isEmpty() {
        return text.isEmpty() && dateOfBirth == null;
    }

    /** The reference searched for, upper case, or null when the text is a name. */
    public String reference() {
        String upper = text.toUpperCase(Locale.ROOT);
        return REFERENCE.matcher(upper).matches() ? upper : null;
    }

    /** The words of the name searched for, lower case; empty when the text is a reference or blank. */
    public List<String> nameWords() {
        if (text.isEmpty() || reference() != null) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split(" ")).filter(w -> !w.isBlank()).limit(4).toList();
    }
}
