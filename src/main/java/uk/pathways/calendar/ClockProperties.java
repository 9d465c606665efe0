package uk.pathways.calendar;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pathways.clocks.*}: each clock's length, changeable without a code change. */
@ConfigurationProperties("pathways")
public record ClockProperties(Map<String, String> clocks, String timeZone, String bankHolidays) {

    public ClockProperties {
        clocks = clocks == null ? Map.of() : new TreeMap<>(clocks);
        timeZone = timeZone == null ? "Europe/London" : timeZone;
        bankHolidays = bankHolidays == null ? "classpath:calendar/bank-holidays-england-and-wales.csv" : bankHolidays;
    }
}
