package uk.pathways.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The one "now" of Pathways: the engine's clock, so that tests which move it move every clock. */
public final class Now {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private Now() {}

    public static Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(instant(), UK);
    }
}
