package uk.pathways.casefile.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseEntry;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;

/**
 * Added to every user task of every deployed model (see {@link CaseRecordEnginePlugin}), so no model
 * can forget it: a created task involves its agencies in the case, may move the case's stage, and is
 * chronicled; a completed task's form, as the completion gate read it, becomes an entry of the case record
 * (every field, text in full), which the engine never holds.
 */
@Component
class TaskLifecycle implements TaskListener {

    /** The form field by which a recording agency restricts an entry to itself. */
    static final String RESTRICTED = "restricted";

    static final String AGENCY_INFORMATION = "agency-information";

    private final ApplicationEventPublisher events;
    private final CaseFile caseFile;
    private final Actors actors;
    private final ObjectMapper json;

    TaskLifecycle(ApplicationEventPublisher events, CaseFile caseFile, Actors actors, ObjectMapper json) {
        this.events = events;
        this.caseFile = caseFile;
        this.actors = actors;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = Variables.caseId(task);
        if (caseId == null) {
            return;
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task, caseId);
            case EVENTNAME_COMPLETE -> completed(task, caseId);
            default -> {}
        }
    }

    private void created(DelegateTask task, String caseId) {
        Map<String, String> properties = ModelProperties.of(task.getBpmnModelElementInstance());
        // the Tasklist shows these with each task; task-local copies are readable by whoever may read the task,
        // so agencies see their own tasks' references without any grant on the process instance (need to know)
        for (String shown : List.of(CaseVariables.REFERENCE, CaseVariables.CHILD_DISPLAY_NAME)) {
            Object value = task.getVariable(shown);
            if (value != null && !task.hasVariableLocal(shown)) {
                task.setVariableLocal(shown, value);
            }
        }
        List<String> groups = candidateGroups(task);
        for (String group : groups) {
            Agency.ofGroup(group)
                    .ifPresent(a -> caseFile.involve(
                            caseId, a.groupId(), "given the task \"" + task.getName() + "\"", Actor.SYSTEM));
        }
        String stage = properties.get(ModelProperties.STAGE);
        if (stage != null && !stage.isBlank()) {
            caseFile.moveToStage(caseId, stage);
        }
        events.publishEvent(new TaskCreated(
                caseId,
                reference(task),
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                groups,
                task.getAssignee(),
                task.getDueDate(),
                stage,
                Now.instant()));
    }

    private void completed(DelegateTask task, String caseId) {
        List<String> groups = candidateGroups(task);
        Actor actor = actors.current(groups);
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), groups);
        }
        Optional<Submission> submission = Submissions.of(task);
        List<String> restrictedTo = List.of();
        if (submission.isPresent() && !submission.get().fields().isEmpty()) {
            restrictedTo = restrictedTo(task, submission.get(), actor);
            caseFile.recordEntry(
                    caseId,
                    new CaseEntry(
                            0,
                            task.getTaskDefinitionKey(),
                            Now.instant(),
                            actor.userId(),
                            actor.agency(),
                            task.getId(),
                            reference(task),
                            task.getProcessInstanceId(),
                            restrictedTo,
                            null,
                            toJson(submission.get().fields())));
        }
        events.publishEvent(new TaskCompleted(
                caseId,
                reference(task),
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                groups,
                actor,
                Now.instant(),
                restrictedTo));
    }

    /**
     * The agencies an entry is for when its recording agency restricted it (the form's {@code restricted} box):
     * that agency alone; an agency's information for a strategy meeting also to the meeting's chair.
     */
    static List<String> restrictedTo(DelegateTask task, Submission submission, Actor actor) {
        if (!submission.flag(RESTRICTED) || actor.agency() == null) {
            return List.of();
        }
        List<String> agencies = new ArrayList<>(List.of(actor.agency()));
        if (AGENCY_INFORMATION.equals(task.getTaskDefinitionKey())
                && !agencies.contains(Agency.CHILDRENS_SERVICES.groupId())) {
            agencies.add(Agency.CHILDRENS_SERVICES.groupId());
        }
        return agencies;
    }

    static List<String> candidateGroups(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private static String reference(DelegateTask task) {
        Object reference = task.getVariable(CaseVariables.REFERENCE);
        return reference == null ? null : reference.toString();
    }

    private String toJson(Map<String, Object> content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
