package uk.pathways.calendar;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The pathway clocks, named in BPMN as {@code ${clocks.due('screening')}}: every due date, timeout
 * and timer in the models comes from here, so a clock changes in configuration, not in code.
 * "Now" is the engine's clock, so tests that move the engine's time move these clocks too.
 */
public class Clocks {

    private final Map<String, ClockDuration> durations;
    private final WorkingDays workingDays;

    public Clocks(Map<String, String> configured, WorkingDays workingDays) {
        this.workingDays = workingDays;
        Map<String, ClockDuration> parsed = new TreeMap<>();
        configured.forEach((name, text) -> {
            try {
                parsed.put(name, ClockDuration.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("pathways.clocks." + name + ": " + e.getMessage(), e);
            }
        });
        this.durations = Map.copyOf(parsed);
    }

    /** When the named clock falls due if it starts now. */
    public Date due(String clock) {
        return dueFrom(clock, now());
    }

    /** When the named clock falls due if it started at {@code start} (a Date, or null for now). */
    public Date dueFrom(String clock, Object start) {
        Date from = start instanceof Date d ? d : now();
        ZonedDateTime begin = from.toInstant().atZone(workingDays.zone());
        return Date.from(duration(clock).addTo(begin, workingDays).toInstant());
    }

    /** The strategy meeting clock for the threshold decision's pathway. */
    public Date strategyMeetingDue(Object urgent) {
        return due(Boolean.TRUE.equals(urgent) ? "strategy-meeting-urgent" : "strategy-meeting-standard");
    }

    /** An ISO-8601 repeating cycle ("R/P42D") for the recurring clocks (timer cycles). */
    public String cycle(String clock) {
        return "R/" + duration(clock).isoDuration();
    }

    /** An ISO-8601 duration ("P84D") for elapsed-time clocks (timer durations). */
    public String isoDuration(String clock) {
        return duration(clock).isoDuration();
    }

    public ClockDuration duration(String clock) {
        ClockDuration d = durations.get(clock);
        if (d == null) {
            throw new IllegalArgumentException("no clock named '" + clock + "': set pathways.clocks." + clock);
        }
        return d;
    }

    public boolean has(String clock) {
        return durations.containsKey(clock);
    }

    public Map<String, ClockDuration> all() {
        return durations;
    }

    private static Date now() {
        return ClockUtil.getCurrentTime();
    }
}
