package uk.pathways.calendar;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A clock length as a process owner writes it: "1 working day", "72 hours", "6 weeks", "3 days". */
public record ClockDuration(int amount, Unit unit) {

    public enum Unit {
        WORKING_DAYS,
        HOURS,
        DAYS,
        WEEKS
    }

    private static final Pattern FORMAT =
            Pattern.compile("^\\s*(\\d{1,4})\\s+(working\\s+days?|hours?|days?|weeks?)\\s*$");

    public static ClockDuration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a clock length: '" + text
                    + "' (write for example '1 working day', '72 hours', '3 days' or '6 weeks')");
        }
        int amount = Integer.parseInt(m.group(1));
        String word = m.group(2);
        Unit unit = word.startsWith("working")
                ? Unit.WORKING_DAYS
                : word.startsWith("hour") ? Unit.HOURS : word.startsWith("week") ? Unit.WEEKS : Unit.DAYS;
        return new ClockDuration(amount, unit);
    }

    ZonedDateTime addTo(ZonedDateTime start, WorkingDays workingDays) {
        return switch (unit) {
            case WORKING_DAYS -> workingDays.addWorkingDays(start, amount);
            case HOURS -> start.plusHours(amount);
            case DAYS -> start.plusDays(amount);
            case WEEKS -> start.plusWeeks(amount);
        };
    }

    /** The ISO-8601 duration, for the clocks that are plain elapsed time (not working days). */
    String isoDuration() {
        return switch (unit) {
            case WORKING_DAYS ->
                throw new IllegalStateException("a working-day clock is not a fixed duration: " + this);
            case HOURS -> Duration.ofHours(amount).toString();
            case DAYS -> "P" + amount + "D";
            case WEEKS -> "P" + (amount * 7) + "D";
        };
    }

    @Override
    public String toString() {
        String word = switch (unit) {
            case WORKING_DAYS -> "working day";
            case HOURS -> "hour";
            case DAYS -> "day";
            case WEEKS -> "week";
        };
        return amount + " " + word + (amount == 1 ? "" : "s");
    }
}
