package uk.pathways.casefile.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.CaseEntry;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseVariables;

/**
 * Added to every user task of every deployed model (see {@link CaseRecordEnginePlugin}), so no model
 * can forget it: a created task involves its agencies in the case, may move the case's stage, and is
 * chronicled; sensitive form fields (the task's {@code caseRecord} property) are kept task-local and
 * moved into the case record on completion.
 */
@Component
class TaskLifecycle implements TaskListener {

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
        String caseId = (String) task.getVariable(CaseVariables.CASE_ID);
        if (caseId == null) {
            return;
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task, caseId);
            case EVENTNAME_COMPLETE -> completed(task, caseId);
            default -> { }
        }
    }

    private void created(DelegateTask task, String caseId) {
        Map<String, String> properties = ModelProperties.of(task.getBpmnModelElementInstance());
        for (String field : sensitiveFields(properties)) {
            if (!task.hasVariableLocal(field)) {
                task.setVariableLocal(field, null);
            }
        }
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
            Agency.ofGroup(group).ifPresent(a -> caseFile.involve(caseId, a.groupId(), "task " + task.getTaskDefinitionKey()));
        }
        String stage = properties.get(ModelProperties.STAGE);
        if (stage != null && !stage.isBlank()) {
            caseFile.moveToStage(caseId, stage);
        }
        events.publishEvent(new TaskCreated(caseId, reference(task), task.getId(), task.getTaskDefinitionKey(), task.getName(),
                groups, task.getAssignee(), task.getDueDate(), stage, Now.instant()));
    }

    private void completed(DelegateTask task, String caseId) {
        List<String> groups = candidateGroups(task);
        Actor actor = actors.current(groups);
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), groups);
        }
        Map<String, String> properties = ModelProperties.of(task.getBpmnModelElementInstance());
        List<String> fields = sensitiveFields(properties);
        if (!fields.isEmpty()) {
            Map<String, Object> content = new LinkedHashMap<>();
            for (String field : fields) {
                Object value = task.getVariableLocal(field);
                content.put(field, value == null ? null : value.toString());
            }
            String restrictedTo = groups.contains(Agency.POLICE.groupId()) ? Agency.POLICE.groupId() : null;
            caseFile.recordEntry(caseId, new CaseEntry(0, task.getTaskDefinitionKey(), Now.instant(), actor.userId(),
                    actor.agency(), task.getId(), reference(task), restrictedTo, toJson(content)));
        }
        events.publishEvent(new TaskCompleted(caseId, reference(task), task.getId(), task.getTaskDefinitionKey(),
                task.getName(), groups, actor, Now.instant()));
    }

    private static List<String> sensitiveFields(Map<String, String> properties) {
        String csv = properties.get(ModelProperties.CASE_RECORD);
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
