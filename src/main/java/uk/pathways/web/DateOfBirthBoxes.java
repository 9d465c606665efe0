package uk.pathways.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The child's date of birth as the GOV.UK date input asks for it, in three boxes ({@code dob.day}, {@code dob.month},
 * {@code dob.year}): the error's wording, in the design system's words, and the box the error summary takes the
 * reader to. One place for the referral form and the missing-child report.
 */
public final class DateOfBirthBoxes {

    private final UnaryOperator<String> value;

    /** {@code value} gives a submitted box's text by name ({@code "dob.day"}), blank if empty. */
    public DateOfBirthBoxes(UnaryOperator<String> value) {
        this.value = value;
    }

    /** What is wrong with the date, saying which box to fix. */
    public String message() {
        List<String> missing = new ArrayList<>();
        for (String part : List.of("day", "month", "year")) {
            if (box(part).isBlank()) {
                missing.add(part);
            }
        }
        if (missing.size() == 3) {
            return "Enter the child's date of birth";
        }
        if (!missing.isEmpty()) {
            return "The child's date of birth must include a " + String.join(" and a ", missing);
        }
        if (!box("year").strip().matches("\\d{4}")) {
            return "The year of the child's date of birth must include 4 numbers";
        }
        return "The child's date of birth must be a real date";
    }

    /** The id of the first box that is empty or not a number (the day's if all look right but the date is not real). */
    public String target() {
        if (!box("day").strip().matches("\\d{1,2}")) {
            return "child-dateOfBirth-day";
        }
        if (!box("month").strip().matches("\\d{1,2}")) {
            return "child-dateOfBirth-month";
        }
        if (!box("year").strip().matches("\\d{4}")) {
            return "child-dateOfBirth-year";
        }
        return "child-dateOfBirth-day";
    }

    private String box(String part) {
        String text = value.apply("dob." + part);
        return text == null ? "" : text;
    }
}
