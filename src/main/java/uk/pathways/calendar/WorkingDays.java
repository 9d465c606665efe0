package uk.pathways.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working-day arithmetic: Monday to Friday, except England and Wales bank holidays.
 *
 * <p>"N working days after" a moment is the same time of day on the Nth working day after that
 * moment's date (in UK local time). A referral on Friday at 15:00 with a one working day clock is
 * due on Monday at 15:00; one on Saturday at 10:00 is due on Monday at 10:00.
 */
public class WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

    private final BankHolidays bankHolidays;
    private final ZoneId zone;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public WorkingDays(BankHolidays bankHolidays, ZoneId zone) {
        this.bankHolidays = bankHolidays;
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (!bankHolidays.covers(date) && warnedYears.add(date.getYear())) {
            log.warn(
                    "The bank holiday file does not cover {}: counting weekends only. Add that year to calendar/bank-holidays-england-and-wales.csv",
                    date.getYear());
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.isBankHoliday(date);
    }

    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    public ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime local = start.withZoneSameInstant(zone);
        LocalDate due = addWorkingDays(local.toLocalDate(), days);
        return ZonedDateTime.of(due, local.toLocalTime(), zone);
    }

    /** Working days strictly after {@code from}'s date up to and including {@code to}'s date. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    public ZoneId zone() {
        return zone;
    }
}
