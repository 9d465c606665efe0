package uk.pathways.gate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The submissions of the completions running on this thread, by task id: the gate puts each one here before the
 * engine completes the task and takes it away when the command ends, so the task's listeners (the case record, the
 * dashboards' facts, the pathway's own listeners) read what was recorded without the engine ever holding it.
 */
public final class Submissions {

    private static final ThreadLocal<Map<String, Submission>> RUNNING = ThreadLocal.withInitial(HashMap::new);

    private Submissions() {}

    /** What the completion of this task carried, if the task is being completed now. */
    public static Optional<Submission> of(DelegateTask task) {
        return Optional.ofNullable(RUNNING.get().get(task.getId()));
    }

    public static Optional<Submission> of(String taskId) {
        return Optional.ofNullable(RUNNING.get().get(taskId));
    }

    static void put(Submission submission) {
        RUNNING.get().put(submission.taskId(), submission);
    }

    static void remove(String taskId) {
        Map<String, Submission> running = RUNNING.get();
        running.remove(taskId);
        if (running.isEmpty()) {
            RUNNING.remove();
        }
    }
}
