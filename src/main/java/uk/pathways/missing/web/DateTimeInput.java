package uk.pathways.missing.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.pathways.calendar.Now;

/**
 * A GOV.UK date input (day, month, year) and a time box, read as UK time and written as the ISO date and
 * time with its offset that the API takes ({@code 2026-11-23T18:30:00Z}). What cannot be read is passed on
 * as typed, so that the API's own check refuses it; the page then words that refusal for the boxes.
 * Box names are {@code <prefix>.day}, {@code .month}, {@code .year} and {@code .time}; the ids of the boxes
 * are {@code <field>-day} and so on, where {@code field} is the API's field ({@code missingSince}).
 */
final class DateTimeInput {

    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?$");

    private final String prefix;
    private final String field;
    /** How messages name the moment, after "the date" or "the time": "the child was last seen". */
    private final String what;

    DateTimeInput(String prefix, String field, String what) {
        this.prefix = prefix;
        this.field = field;
        this.what = what;
    }

    static String[] boxes(String prefix) {
        return new String[] {prefix + ".day", prefix + ".month", prefix + ".year", prefix + ".time"};
    }

    String field() {
        return field;
    }

    private static String box(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null ? "" : value.strip();
    }

    /** The ISO date and time, "" when every box is empty, or what was typed when it is not a date and time. */
    String iso(Map<String, String> values) {
        String day = box(values, prefix + ".day");
        String month = box(values, prefix + ".month");
        String year = box(values, prefix + ".year");
        String time = box(values, prefix + ".time");
        if (day.isEmpty() && month.isEmpty() && year.isEmpty() && time.isEmpty()) {
            return "";
        }
        LocalTime at = time(time);
        if (day.matches("\\d{1,2}") && month.matches("\\d{1,2}") && year.matches("\\d{4}") && at != null) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
                return date.atTime(at).atZone(Now.UK).toOffsetDateTime().toString();
            } catch (DateTimeException e) {
                // not a real date: passed on as typed
            }
        }
        return year + "-" + month + "-" + day + "T" + time;
    }

    /** "21:30", "9:30pm", "9pm", "09.30"; null if it is none of those. */
    static LocalTime time(String typed) {
        Matcher m = TIME.matcher(typed.strip().toLowerCase(Locale.UK));
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String half = m.group(3);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + ("pm".equals(half) ? 12 : 0);
        } else if (m.group(2) == null) {
            return null; // "9" alone: morning or evening?
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    /** The API's format message for this field, worded for the boxes; any other message as it was. */
    String word(String message, Map<String, String> values) {
        boolean format = message.contains("must be a date and time") || message.startsWith("Enter ");
        if (!format) {
            return message;
        }
        List<String> missing = new ArrayList<>();
        for (String part : List.of("day", "month", "year")) {
            if (box(values, prefix + "." + part).isEmpty()) {
                missing.add(part);
            }
        }
        if (missing.size() == 3 && box(values, prefix + ".time").isEmpty()) {
            return "Enter the date and time " + what;
        }
        if (!missing.isEmpty()) {
            return "The date " + what + " must include a " + String.join(" and a ", missing);
        }
        if (!box(values, prefix + ".year").matches("\\d{4}")) {
            return "The year must include 4 numbers";
        }
        if (!box(values, prefix + ".day").matches("\\d{1,2}")
                || !box(values, prefix + ".month").matches("\\d{1,2}")) {
            return "The date " + what + " must be a real date";
        }
        String time = box(values, prefix + ".time");
        if (time.isEmpty()) {
            return "Enter the time " + what + ", like 9:30pm or 21:30";
        }
        if (time(time) == null) {
            return "The time " + what + " must be a time of day, like 9:30pm or 21:30";
        }
        return "The date " + what + " must be a real date";
    }

    /** Which box a problem should take the reader to: the first one missing or wrong. */
    String target(Map<String, String> values) {
        String id = field;
        if (!box(values, prefix + ".day").matches("\\d{1,2}")) {
            return id + "-day";
        }
        if (!box(values, prefix + ".month").matches("\\d{1,2}")) {
            return id + "-month";
        }
        if (!box(values, prefix + ".year").matches("\\d{4}")) {
            return id + "-year";
        }
        if (time(box(values, prefix + ".time")) == null) {
            return id + "-time";
        }
        return id + "-day";
    }
}
