package uk.pathways.strategymeeting.process;

import static uk.pathways.strategymeeting.process.StrategyMeetingProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.process.Dates;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.strategymeeting.ExternalOrganisations;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingScheduled;
import uk.pathways.strategymeeting.StrategyMeetings;
import uk.pathways.web.FieldProblem;

/**
 * {@code ${recordMeetingScheduled}}: reads the meeting's start ({@code meetingAt}, as the form sends it) into {@code
 * meetingStartsAt}, the clock of every agency's information; keeps whom the chair invited (the agencies, each asked for
 * information; named external attendees, invited by e-mail) in the case record; and publishes the schedule.
 */
@Component("recordMeetingScheduled")
class RecordMeetingScheduled implements TaskListener {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ApplicationEventPublisher events;
    private final StrategyMeetingAgencies agencies;
    private final StrategyMeetings meetings;
    private final Actors actors;

    RecordMeetingScheduled(
            ApplicationEventPublisher events,
            StrategyMeetingAgencies agencies,
            StrategyMeetings meetings,
            Actors actors) {
        this.events = events;
        this.agencies = agencies;
        this.meetings = meetings;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Date startsAt = parse(task.getVariable(MEETING_AT));
        if (startsAt.toInstant().isBefore(Now.instant())) {
            throw TaskInputRefused.of(MEETING_AT, "The strategy meeting must start in the future");
        }
        FormValues form = FormValues.of(task);
        List<String> invited = form.codes(INVITED_AGENCIES);
        for (String agency : invited) {
            if (Agency.byGroupId(agency).isEmpty()) {
                throw TaskInputRefused.of(INVITED_AGENCIES, "'" + agency + "' is not an agency of the contract");
            }
        }
        if (invited.isEmpty()) {
            invited = agencies.asked();
        }
        List<StrategyMeetings.ExternalAttendee> externals = externals(form);
        task.setVariable(MEETING_STARTS_AT, startsAt);
        String caseId = Variables.caseId(task);
        String reference = Variables.reference(task);
        meetings.scheduled(task.getProcessInstanceId(), caseId, reference, startsAt.toInstant(), invited, externals);
        // where it meets is free text: the case record has it (the form as recorded), the engine never does
        String place = form.text(MEETING_PLACE);
        events.publishEvent(new StrategyMeetingScheduled(
                caseId,
                reference,
                startsAt,
                place == null ? "(place not given)" : place,
                invited,
                externals,
                actors.current(List.of("childrens-services")),
                Now.instant()));
    }

    /** The external attendees' rows: a row with anything in it needs a name, an organisation and an e-mail. */
    private static List<StrategyMeetings.ExternalAttendee> externals(FormValues form) {
        List<StrategyMeetings.ExternalAttendee> externals = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int n = 1; n <= EXTERNAL_ROWS; n++) {
            String name = form.text(external(n, "Name"));
            String organisation = form.text(external(n, "Organisation"));
            String email = form.text(external(n, "Email"));
            if (name == null && organisation == null && email == null) {
                continue;
            }
            if (name == null) {
                problems.add(new FieldProblem(external(n, "Name"), "Enter the attendee's name"));
            }
            if (organisation == null || !ExternalOrganisations.all().containsKey(organisation)) {
                problems.add(new FieldProblem(external(n, "Organisation"), "Select the attendee's organisation"));
            }
            if (email == null || !EMAIL.matcher(email).matches()) {
                problems.add(new FieldProblem(
                        external(n, "Email"), "Enter the attendee's e-mail address, like name@example.org"));
            }
            externals.add(new StrategyMeetings.ExternalAttendee(n, name, organisation, email, null));
        }
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(problems);
        }
        return externals;
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
