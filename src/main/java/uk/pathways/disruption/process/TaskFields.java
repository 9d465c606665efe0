package uk.pathways.disruption.process;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;

/** What a completion of a register task carried (as the completion gate read it), and who completed it. */
final class TaskFields {

    private final Optional<Submission> submission;
    private final DelegateTask task;

    private TaskFields(DelegateTask task) {
        this.task = task;
        this.submission = Submissions.of(task);
    }

    static TaskFields of(DelegateTask task) {
        return new TaskFields(task);
    }

    /** A field's value as text, or null (a date field's value keeps its day only). */
    String text(String key) {
        Object value = submission.isPresent() ? submission.get().field(key) : task.getVariable(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    boolean flag(String key) {
        Object value = submission.isPresent() ? submission.get().field(key) : task.getVariable(key);
        return Boolean.TRUE.equals(value) || "true".equals(value) || "YES".equals(value);
    }

    static Actor who(DelegateTask task, Actors actors) {
        List<String> police = List.of(Agency.POLICE.groupId());
        Actor actor = actors.current(police);
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), police);
        }
        return actor;
    }
}
