package uk.pathways.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;

/**
 * How pages write things, the GOV.UK way: "3 May 2012", "23 November 2026 at 2:30pm" (UK time), codes as
 * words ("URGENT_STRATEGY_MEETING" as "Urgent strategy meeting"), agencies by name. Templates call it as
 * {@code ${@display.date(...)}}.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /** An NHS number as people write it: "943 476 5919". */
    public String nhsNumber(String digits) {
        return digits == null || digits.length() != 10
                ? digits
                : digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Date date) {
        return date == null ? "" : DATE.format(date.toInstant().atZone(Now.UK));
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var at = instant.atZone(Now.UK);
        return DATE.format(at) + " at " + TIME.format(at).toLowerCase(Locale.UK);
    }

    public String dateTime(Date date) {
        return date == null ? "" : dateTime(date.toInstant());
    }

    /** A moment as another capability's view gives it (an ISO string, as JSON writes an Instant), written as above. */
    public String isoDateTime(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return dateTime(instant);
        }
        try {
            return dateTime(java.time.OffsetDateTime.parse(value.toString()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return value.toString();
        }
    }

    /** A code as words: {@code URGENT_STRATEGY_MEETING} reads "Urgent strategy meeting". */
    public String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String text = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A group id as its agency's name: {@code police-managers} reads "Police managers". */
    public String agency(String groupId) {
        if (groupId == null) {
            return "Pathways (automatic)";
        }
        return Agency.ofGroup(groupId).isPresent() ? Agency.nameOfGroup(groupId) : words(groupId);
    }

    public String gender(String code) {
        return code == null ? "Not given" : ChildLabels.GENDERS.getOrDefault(code, words(code));
    }

    public String ethnicity(String code) {
        return code == null ? "Not given" : ChildLabels.ETHNICITIES.getOrDefault(code, words(code));
    }

    public String yesNo(Boolean value) {
        return value == null ? "Not recorded" : value ? "Yes" : "No";
    }

    public boolean overdue(Date due) {
        return due != null && due.toInstant().isBefore(Now.instant());
    }
}
