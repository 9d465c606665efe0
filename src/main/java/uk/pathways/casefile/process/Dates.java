package uk.pathways.casefile.process;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import uk.pathways.calendar.Now;

/** Dates as practitioners read them: "Tue 24 Nov 2026 15:00" in UK time. */
public final class Dates {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private Dates() {}

    public static String display(Date date) {
        return date == null ? "" : DISPLAY.format(date.toInstant().atZone(Now.UK));
    }

    /**
     * A moment as a form or a system sends it: a Date, an ISO date-time with offset ("2026-11-25T10:00Z"), an instant,
     * or a local UK date-time ("2026-11-25T10:00"); empty for nothing; an {@link IllegalArgumentException} otherwise.
     */
    public static java.util.Optional<java.time.Instant> parse(Object value) {
        if (value instanceof Date date) {
            return java.util.Optional.of(date.toInstant());
        }
        if (value == null || value.toString().isBlank()) {
            return java.util.Optional.empty();
        }
        String text = value.toString().strip();
        try {
            return java.util.Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return java.util.Optional.of(java.time.Instant.parse(text));
            } catch (java.time.format.DateTimeParseException notInstant) {
                try {
                    return java.util.Optional.of(
                            java.time.LocalDateTime.parse(text).atZone(Now.UK).toInstant());
                } catch (java.time.format.DateTimeParseException notLocal) {
                    throw new IllegalArgumentException(
                            "not a date and time: " + (text.length() > 30 ? text.substring(0, 30) : text));
                }
            }
        }
    }
}
