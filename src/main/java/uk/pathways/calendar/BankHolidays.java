package uk.pathways.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;

/** The England and Wales bank holidays, read from a CSV data file ({@code date,name}). */
public final class BankHolidays {

    private final Map<LocalDate, String> holidays;
    private final Year firstYear;
    private final Year lastYear;

    BankHolidays(Map<LocalDate, String> holidays) {
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException("the bank holiday file lists no dates");
        }
        TreeMap<LocalDate, String> sorted = new TreeMap<>(holidays);
        this.holidays = Collections.unmodifiableMap(sorted);
        this.firstYear = Year.from(sorted.firstKey());
        this.lastYear = Year.from(sorted.lastKey());
    }

    public static BankHolidays load(Resource csv) {
        Map<LocalDate, String> dates = new TreeMap<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                int comma = line.indexOf(',');
                String date = comma < 0 ? line : line.substring(0, comma);
                try {
                    dates.put(
                            LocalDate.parse(date.strip()),
                            comma < 0 ? "" : line.substring(comma + 1).strip());
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            csv.getDescription() + " line " + number + ": not a date: " + date, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BankHolidays(dates);
    }

    public boolean isBankHoliday(LocalDate date) {
        return holidays.containsKey(date);
    }

    public String nameOf(LocalDate date) {
        return holidays.get(date);
    }

    /** Whether the file lists the bank holidays of the given date's year. */
    public boolean covers(LocalDate date) {
        Year year = Year.from(date);
        return !year.isBefore(firstYear) && !year.isAfter(lastYear);
    }

    public Year firstYear() {
        return firstYear;
    }

    public Year lastYear() {
        return lastYear;
    }
}
