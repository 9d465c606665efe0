package uk.pathways.casefile.process;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import uk.pathways.calendar.Now;

/** Dates as practitioners read them: "Tue 24 Nov 2026 15:00" in UK time. */
public final class Dates {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private Dates() {
    }

    public static String display(Date date) {
        return date == null ? "" : DISPLAY.format(date.toInstant().atZone(Now.UK));
    }
}
