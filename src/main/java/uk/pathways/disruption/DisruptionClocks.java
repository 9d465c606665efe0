package uk.pathways.disruption;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.ClockDuration;
import uk.pathways.calendar.Clocks;
import uk.pathways.calendar.Now;
import uk.pathways.calendar.WorkingDays;

/**
 * When an entry's tasks come: the review task at 9:00 UK time on the review day; the expiry task the clock
 * {@code disruption-expiry-notice} before the expiry day (9:00), so that a renewal can be sought in time.
 */
@Component
public class DisruptionClocks {

    static final String EXPIRY_NOTICE = "disruption-expiry-notice";
    static final LocalTime AT = LocalTime.of(9, 0);

    private final Clocks clocks;
    private final WorkingDays workingDays;

    DisruptionClocks(Clocks clocks, WorkingDays workingDays) {
        this.clocks = clocks;
        this.workingDays = workingDays;
    }

    public Date at(LocalDate day) {
        return Date.from(day.atTime(AT).atZone(Now.UK).toInstant());
    }

    /** The day the expiry task comes for an entry that expires on {@code expiry}. */
    public LocalDate noticeDay(LocalDate expiry) {
        ClockDuration notice = clocks.duration(EXPIRY_NOTICE);
        return switch (notice.unit()) {
            case WORKING_DAYS -> {
                LocalDate day = expiry;
                for (int left = notice.amount(); left > 0; ) {
                    day = day.minusDays(1);
                    if (workingDays.isWorkingDay(day)) {
                        left--;
                    }
                }
                yield day;
            }
            case HOURS -> expiry.atStartOfDay().minusHours(notice.amount()).toLocalDate();
            case DAYS -> expiry.minusDays(notice.amount());
            case WEEKS -> expiry.minusWeeks(notice.amount());
        };
    }
}
