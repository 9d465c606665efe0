package uk.pathways.strategymeeting.process;

import static uk.pathways.strategymeeting.process.StrategyMeetingProcess.*;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.process.Dates;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingScheduled;

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
            throw TaskInputRefused.of(MEETING_AT, "The strategy meeting must start in the future");
        }
        task.setVariable(MEETING_STARTS_AT, startsAt);
        // where it meets is free text: the case record has it (the form as recorded), the engine never does
        Object place = Submissions.of(task).map(s -> s.text(MEETING_PLACE)).orElse(null);
        events.publishEvent(new StrategyMeetingScheduled(
                Variables.caseId(task),
                Variables.reference(task),
                startsAt,
                place == null ? "(place not given)" : place.toString(),
                agencies.asked(),
                actors.current(List.of("childrens-services")),
                Now.instant()));
    }

    /** A Date, an ISO date-time with offset ("2026-11-25T10:00Z"), or a local UK date-time ("2026-11-25T10:00"). */
    static Date parse(Object value) {
        try {
            return Date.from(Dates.parse(value)
                    .orElseThrow(() -> TaskInputRefused.of(MEETING_AT, "Enter when the strategy meeting starts")));
        } catch (IllegalArgumentException e) {
            throw TaskInputRefused.of(MEETING_AT, "The meeting start is not a date and time like 2026-11-25T10:00:00Z");
        }
    }
}
