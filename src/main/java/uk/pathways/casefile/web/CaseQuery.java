package uk.pathways.casefile.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a practitioner types in "Find a case": one box that is either a reference (a case id such as
 * {@code CASE-2026-000001} or a referral reference {@code REF-2026-000001}, in any case) or words of the
 * child's name, and optionally the date of birth; {@link uk.pathways.casefile.CaseSearch} does the search.
 */
record CaseQuery(String text, LocalDate dateOfBirth) {

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

    /** The name searched for, or null when the text is a reference or blank. */
    public String name() {
        return text.isEmpty() || reference() != null ? null : text;
    }
}
