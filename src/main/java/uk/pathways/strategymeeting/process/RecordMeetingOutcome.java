package uk.pathways.strategymeeting.process;

import static uk.pathways.strategymeeting.process.StrategyMeetingProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.Dates;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingHeld;
import uk.pathways.strategymeeting.StrategyMeetings;
import uk.pathways.web.FieldProblem;

/**
 * {@code ${recordMeetingOutcome}}: the meeting's decisions become booleans the calling pathway routes on; attendance
 * and every action agreed go to the case record; each action starts a {@code meeting-action} of its own (a task for
 * its owner agency, due on its date), so that no action holds up the pathway; the agencies the meeting drew in become
 * involved in the case.
 */
@Component("recordMeetingOutcome")
class RecordMeetingOutcome implements TaskListener {

    /** One action row of the outcome form, read and checked. */
    record AgreedAction(int position, String owner, String description, Instant due) {}

    private final ApplicationEventPublisher events;
    private final CaseFile caseFile;
    private final StrategyMeetingAgencies agencies;
    private final StrategyMeetings meetings;
    private final Actors actors;

    RecordMeetingOutcome(
            ApplicationEventPublisher events,
            CaseFile caseFile,
            StrategyMeetingAgencies agencies,
            StrategyMeetings meetings,
            Actors actors) {
        this.events = events;
        this.caseFile = caseFile;
        this.agencies = agencies;
        this.meetings = meetings;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        List<AgreedAction> actions = actions(form);
        boolean rise = flag(task, RISE_ACCEPTED);
        boolean section47 = flag(task, SECTION_47);
        boolean police = flag(task, POLICE_INVESTIGATION);
        Instant heldAt = Now.instant();
        task.setVariable(MEETING_HELD_AT, Date.from(heldAt));
        String caseId = uk.pathways.casefile.process.Variables.caseId(task);
        String reference = uk.pathways.casefile.process.Variables.reference(task);
        String meetingId = task.getProcessInstanceId();
        Actor chair = actors.current(List.of(Agency.CHILDRENS_SERVICES.groupId()));
        if (chair == Actor.SYSTEM && task.getAssignee() != null) {
            chair = actors.of(task.getAssignee(), List.of(Agency.CHILDRENS_SERVICES.groupId()));
        }
        List<String> invited = agencies.invitedTo(meetingId);
        Set<Integer> externalsAttended = new LinkedHashSet<>();
        for (int n = 1; n <= EXTERNAL_ROWS; n++) {
            if (form.flag(external(n, "Attended"))) {
                externalsAttended.add(n);
            }
        }
        Object startsAt = task.getVariable(MEETING_STARTS_AT);
        meetings.held(
                meetingId,
                caseId,
                reference,
                startsAt instanceof Date date ? date.toInstant() : null,
                invited,
                form.codes(ATTENDED),
                form.codes(APOLOGIES),
                externalsAttended,
                heldAt);
        for (String agency : invited) {
            caseFile.involve(caseId, agency, "the strategy meeting's outcome", chair);
        }
        if (rise) {
            caseFile.involve(
                    caseId,
                    Agency.RISE.groupId(),
                    "the strategy meeting accepted the young person for RISE support",
                    chair);
        }
        for (AgreedAction action : actions) {
            String id = meetings.agree(
                    meetingId,
                    caseId,
                    reference,
                    action.position(),
                    action.owner(),
                    action.description(),
                    action.due());
            meetings.asked(id, start(task, id, action));
        }
        events.publishEvent(new StrategyMeetingHeld(
                caseId, reference, rise, section47, police, chair, heldAt, invited, actions.size()));
    }

    /** One meeting-action per action, on the pathway's behalf (practitioners start no process themselves). */
    private static String start(DelegateTask task, String actionId, AgreedAction action) {
        CommandContext context = Context.getCommandContext();
        boolean checking = context != null && context.isAuthorizationCheckEnabled();
        if (checking) {
            context.disableAuthorizationCheck();
        }
        try {
            return task.getProcessEngineServices()
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                            MeetingActionProcess.KEY,
                            task.getExecution().getProcessBusinessKey(),
                            Variables.createVariables()
                                    .putValue(CaseVariables.CASE_ID, task.getVariable(CaseVariables.CASE_ID))
                                    .putValue(CaseVariables.REFERENCE, task.getVariable(CaseVariables.REFERENCE))
                                    .putValue(
                                            CaseVariables.CHILD_DISPLAY_NAME,
                                            task.getVariable(CaseVariables.CHILD_DISPLAY_NAME))
                                    .putValue(MeetingActionProcess.ACTION_ID, actionId)
                                    .putValue(MeetingActionProcess.ACTION_OWNER, action.owner())
                                    .putValue(MeetingActionProcess.ACTION_DUE, Date.from(action.due())))
                    .getId();
        } finally {
            if (checking) {
                context.enableAuthorizationCheck();
            }
        }
    }

    /** The action rows: a row with anything in it needs an owner agency, what is to be done and a future due date. */
    static List<AgreedAction> actions(FormValues form) {
        List<AgreedAction> actions = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int n = 1; n <= ACTION_ROWS; n++) {
            String owner = form.text(action(n, "Owner"));
            String description = form.text(action(n, "Description"));
            Object dueValue = form.value(action(n, "Due"));
            boolean dueGiven = dueValue != null && !dueValue.toString().isBlank();
            if (owner == null && description == null && !dueGiven) {
                continue;
            }
            if (owner == null || Agency.byGroupId(owner).isEmpty()) {
                problems.add(new FieldProblem(action(n, "Owner"), "Select the agency that owns the action"));
            }
            if (description == null) {
                problems.add(new FieldProblem(action(n, "Description"), "Enter what is to be done"));
            }
            Optional<Instant> due = Optional.empty();
            try {
                due = dueGiven ? Dates.parse(dueValue) : Optional.empty();
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (due.isEmpty()) {
                problems.add(
                        new FieldProblem(action(n, "Due"), "Enter when the action is due, like 2026-12-18T17:00Z"));
            } else if (due.get().isBefore(Now.instant())) {
                problems.add(new FieldProblem(action(n, "Due"), "The action's due date must be in the future"));
            }
            if (problems.isEmpty()) {
                actions.add(new AgreedAction(n, owner, description, due.get()));
            }
        }
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(problems);
        }
        return actions;
    }

    /** Reads a decision and writes it back as a boolean, so an unticked box is a clear {@code false}. */
    private static boolean flag(DelegateTask task, String name) {
        boolean value =
                Boolean.TRUE.equals(task.getVariable(name)) || "true".equals(String.valueOf(task.getVariable(name)));
        task.setVariable(name, value);
        return value;
    }
}
