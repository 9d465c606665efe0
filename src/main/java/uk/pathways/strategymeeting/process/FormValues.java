package uk.pathways.strategymeeting.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;

/**
 * What a completion recorded on a form, as the completion gate read it (text included, which the engine never
 * holds); without the gate (the engine-only tests) the completion's own variables.
 */
final class FormValues {

    private final DelegateTask task;
    private final Submission submission;

    private FormValues(DelegateTask task) {
        this.task = task;
        this.submission = Submissions.of(task).orElse(null);
    }

    static FormValues of(DelegateTask task) {
        return new FormValues(task);
    }

    Object value(String key) {
        return submission != null ? submission.field(key) : task.getVariable(key);
    }

    /** The text recorded, stripped; null when blank or absent. */
    String text(String key) {
        Object value = value(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    boolean flag(String key) {
        Object value = value(key);
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }

    /** A checklist's codes (a list; a comma-separated text from the engine-only tests). */
    List<String> codes(String key) {
        Object value = value(key);
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> codes.add(String.valueOf(v)));
        } else if (value != null && !value.toString().isBlank()) {
            Arrays.stream(value.toString().split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(codes::add);
        }
        return codes;
    }
}
