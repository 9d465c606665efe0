package uk.pathways.strategymeeting.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingScheduled;

import static uk.pathways.strategymeeting.process.StrategyMeetingProcess.*;

/**
 * {@code ${recordMeetingScheduled}}: reads the meeting's start ({@code meetingAt}, as the form sends it)
 * into {@code meetingStartsAt}, the clock of every agency's information, and publishes the schedule.
 */
@Component("recordMeetingScheduled")
class RecordMeetingScheduled implements TaskListener {

    private final ApplicationEventPublisher events;
    private final StrategyMeetingAgencies agencies;
    private final Actors actors;

    RecordMeetingScheduled(ApplicationEventPublisher events, StrategyMeetingAgencies agencies, Actors actors) {
        this.events = events;
        this.agencies = agencies;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Date startsAt = parse(task.getVariable(MEETING_AT));
        if (startsAt.toInstant().isBefore(Now.instant())) {
            throw new IllegalArgumentException("The strategy meeting must start in the future");
        }
        task.setVariable(MEETING_STARTS_AT, startsAt);
        Object place = task.getVariable(MEETING_PLACE);
        events.publishEvent(new StrategyMeetingScheduled((String) task.getVariable(CaseVariables.CASE_ID),
                (String) task.getVariable(CaseVariables.REFERENCE), startsAt, place == null ? "(place not given)" : place.toString(),
                agencies.asked(), actors.current(List.of("childrens-services")), Now.instant()));
    }

    /** A Date, an ISO date-time with offset ("2026-11-25T10:00Z"), or a local UK date-time ("2026-11-25T10:00"). */
    static Date parse(Object value) {
        if (value instanceof Date date) {
            return date;
        }
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("Enter when the strategy meeting starts");
        }
        String text = value.toString().strip();
        try {
            return Date.from(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Date.from(LocalDateTime.parse(text).atZone(Now.UK).toInstant());
            } catch (DateTimeParseException notLocal) {
                try {
                    return Date.from(Instant.parse(text));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("The meeting start is not a date and time: " + text);
                }
            }
        }
    }
}
