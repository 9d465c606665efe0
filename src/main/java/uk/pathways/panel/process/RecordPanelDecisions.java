package uk.pathways.panel.process;

import static uk.pathways.panel.process.PanelProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.Dates;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.panel.ExploitationPanelHeld;
import uk.pathways.panel.Panels;
import uk.pathways.strategymeeting.StrategyMeetings;
import uk.pathways.strategymeeting.process.MeetingActionProcess;
import uk.pathways.web.FieldProblem;

/**
 * {@code ${recordPanelDecisions}}: the chair's decision on each agenda item and the actions agreed go to the panel's
 * record; each action is a {@code pw_meeting_action} row and starts a {@code strategy-meeting-action} of its own (a
 * task for its owner agency, due on its date, escalating when late: the strategy meeting's mechanism, ADR 14 and 18).
 * Need-to-know holds in the chair's hands too: only a police chair records a decision on a subject only the police may
 * read, and an action on such a subject is the police's.
 */
@Component("recordPanelDecisions")
class RecordPanelDecisions implements TaskListener {

    /** One action row, read and checked. */
    record AgreedAction(int row, Panels.Item item, String owner, String description, Instant due) {}

    private final Panels panels;
    private final StrategyMeetings meetings;
    private final Actors actors;
    private final ApplicationEventPublisher events;

    RecordPanelDecisions(Panels panels, StrategyMeetings meetings, Actors actors, ApplicationEventPublisher events) {
        this.panels = panels;
        this.meetings = meetings;
        this.actors = actors;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        String panelId = task.getProcessInstanceId();
        List<Panels.Item> agenda = panels.agenda(panelId);
        List<String> chairs = List.of(Agency.POLICE.groupId(), Agency.CHILDRENS_SERVICES.groupId());
        Actor chair = actors.current(chairs);
        if (chair == Actor.SYSTEM && task.getAssignee() != null) {
            chair = actors.of(task.getAssignee(), chairs);
        }
        boolean police = Agency.POLICE.groupId().equals(chair.agency())
                || (chair != Actor.SYSTEM && actors.agenciesOf(chair.userId()).contains(Agency.POLICE.groupId()));
        Form form = new Form(task);
        List<FieldProblem> problems = new ArrayList<>();
        Map<Integer, String> decisions = new LinkedHashMap<>();
        for (int n = 1; n <= DECISION_ROWS; n++) {
            Object itemValue = form.value(decision(n, "Item"));
            String decision = form.text(decision(n, "Text"));
            boolean itemGiven = itemValue != null && !itemValue.toString().isBlank();
            if (!itemGiven && decision == null) {
                continue;
            }
            Optional<Panels.Item> item =
                    itemValue instanceof Number number ? at(agenda, number.intValue()) : Optional.empty();
            if (item.isEmpty()) {
                problems.add(
                        new FieldProblem(decision(n, "Item"), "Enter the number of an item on this panel's agenda"));
            } else if (decisions.containsKey(item.get().position())) {
                problems.add(new FieldProblem(
                        decision(n, "Item"),
                        "Item " + item.get().position() + " has a decision in an earlier row: write it once"));
            } else if (item.get().policeOnly() && !police) {
                problems.add(new FieldProblem(
                        decision(n, "Item"),
                        "Item " + item.get().position()
                                + " is for the police only: a police co-chair records its decision"));
            }
            if (decision == null) {
                problems.add(new FieldProblem(decision(n, "Text"), "Enter the panel's decision on the item"));
            }
            if (item.isPresent()
                    && decision != null
                    && !decisions.containsKey(item.get().position())) {
                decisions.put(item.get().position(), decision);
            }
        }
        List<AgreedAction> actions = actions(form, agenda, police, problems);
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(problems);
        }
        Instant heldAt = Now.instant();
        panels.held(panelId, decisions, chair.userId(), chair.agency(), heldAt);
        for (AgreedAction a : actions) {
            String caseId = a.item().caseId();
            String reference = caseId == null ? null : panels.latestReference(caseId);
            String id = meetings.agreeAtPanel(
                    panelId,
                    a.item().id(),
                    caseId,
                    reference,
                    a.item().subjectId(),
                    a.row(),
                    a.owner(),
                    a.description(),
                    a.due(),
                    heldAt);
            meetings.asked(id, start(task, id, a, caseId, reference));
        }
        events.publishEvent(new ExploitationPanelHeld(
                panelId,
                uk.pathways.casefile.process.Variables.text(task, REFERENCE),
                agenda.size(),
                decisions.size(),
                actions.size(),
                chair,
                heldAt));
    }

    private static Optional<Panels.Item> at(List<Panels.Item> agenda, int position) {
        return agenda.stream().filter(i -> i.position() == position).findFirst();
    }

    /** The action rows: a row with anything in it needs an agenda item, an owner, what is to be done and a date. */
    private static List<AgreedAction> actions(
            Form form, List<Panels.Item> agenda, boolean police, List<FieldProblem> problems) {
        List<AgreedAction> actions = new ArrayList<>();
        for (int n = 1; n <= ACTION_ROWS; n++) {
            Object itemValue = form.value(action(n, "Item"));
            String owner = form.text(action(n, "Owner"));
            String description = form.text(action(n, "Description"));
            Object dueValue = form.value(action(n, "Due"));
            boolean dueGiven = dueValue != null && !dueValue.toString().isBlank();
            boolean itemGiven = itemValue != null && !itemValue.toString().isBlank();
            if (!itemGiven && owner == null && description == null && !dueGiven) {
                continue;
            }
            int before = problems.size();
            Optional<Panels.Item> item = Optional.empty();
            if (itemValue instanceof Number number) {
                item = at(agenda, number.intValue());
            }
            if (item.isEmpty()) {
                problems.add(
                        new FieldProblem(action(n, "Item"), "Enter the number of the agenda item the action is for"));
            }
            if (owner == null || Agency.byGroupId(owner).isEmpty()) {
                problems.add(new FieldProblem(action(n, "Owner"), "Select the agency that owns the action"));
            } else if (item.isPresent()
                    && item.get().policeOnly()
                    && !Agency.POLICE.groupId().equals(owner)) {
                problems.add(new FieldProblem(
                        action(n, "Owner"), "The item is for the police only: its actions are the police's"));
            }
            if (item.isPresent() && item.get().policeOnly() && !police) {
                problems.add(new FieldProblem(
                        action(n, "Item"), "The item is for the police only: a police co-chair agrees its actions"));
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
            if (problems.size() == before) {
                actions.add(new AgreedAction(n, item.get(), owner, description, due.get()));
            }
        }
        return actions;
    }

    /** One strategy-meeting-action per action, on the panel's behalf (practitioners start no process themselves). */
    private String start(DelegateTask task, String actionId, AgreedAction action, String caseId, String ref) {
        CommandContext context = Context.getCommandContext();
        boolean checking = context != null && context.isAuthorizationCheckEnabled();
        if (checking) {
            context.disableAuthorizationCheck();
        }
        try {
            VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables()
                    .putValue(MeetingActionProcess.ACTION_ID, actionId)
                    .putValue(MeetingActionProcess.ACTION_OWNER, action.owner())
                    .putValue(MeetingActionProcess.ACTION_DUE, Date.from(action.due()));
            if (caseId != null) {
                variables.putValue(CaseVariables.CASE_ID, caseId);
                variables.putValue(CaseVariables.REFERENCE, ref);
                variables.putValue(
                        CaseVariables.CHILD_DISPLAY_NAME,
                        panels.child(caseId).map(Panels.Child::displayName).orElse(null));
            } else {
                // a subject's action: the panel's reference, never the subject's name (ids only in the engine)
                variables.putValue(CaseVariables.REFERENCE, task.getVariable(REFERENCE));
            }
            return task.getProcessEngineServices()
                    .getRuntimeService()
                    .startProcessInstanceByKey(MeetingActionProcess.KEY, caseId == null ? null : ref, variables)
                    .getId();
        } finally {
            if (checking) {
                context.enableAuthorizationCheck();
            }
        }
    }

    /** What the completion recorded, as the gate read it (text included); without the gate, its variables. */
    private static final class Form {

        private final DelegateTask task;
        private final Submission submission;

        Form(DelegateTask task) {
            this.task = task;
            this.submission = Submissions.of(task).orElse(null);
        }

        Object value(String key) {
            return submission != null ? submission.field(key) : task.getVariable(key);
        }

        String text(String key) {
            Object value = value(key);
            if (value == null) {
                return null;
            }
            String text = value.toString().strip();
            return text.isEmpty() ? null : text;
        }
    }
}
