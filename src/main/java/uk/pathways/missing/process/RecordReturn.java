package uk.pathways.missing.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;

/**
 * {@code ${recordReturn}}: records the return ({@code returnedAt}: a Date, an ISO date-time with offset, or
 * absent for "now") and leaves {@code returnedAt} as a Date, the start of the return home interview's clock.
 */
@Component("recordReturn")
class RecordReturn implements JavaDelegate {

    private final MissingEpisodes episodes;
    private final Actors actors;

    RecordReturn(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant returnedAt = instant(execution.getVariable(MissingEpisodeProcess.RETURNED_AT));
        episodes.recordReturn(Variables.reference(execution), returnedAt, actors.current());
        execution.setVariable(MissingEpisodeProcess.RETURNED_AT, Date.from(returnedAt));
    }

    static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value == null || value.toString().isBlank()) {
            return Now.instant();
        }
        try {
            return OffsetDateTime.parse(value.toString().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "returnedAt must be a date and time with its offset, like 2026-11-23T18:30:00Z");
        }
    }
}
