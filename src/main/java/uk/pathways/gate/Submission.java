package uk.pathways.gate;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What one completion of a task carried, once the gate has checked it: {@code fields}, every value of the form as
 * recorded (text in full), which goes to the case record; and {@code decisions}, the few the engine needs (the form's
 * decision fields), which are all the completion sets in the engine. {@code sent} names the fields the completion
 * itself carried (a checkbox it left out is in {@code fields} with its default).
 */
public record Submission(
        String taskId,
        String taskKey,
        String formId,
        Map<String, Object> fields,
        VariableMap decisions,
        java.util.Set<String> sent) {

    public Object field(String key) {
        return fields.get(key);
    }

    public String text(String key) {
        Object value = fields.get(key);
        return value == null ? null : value.toString();
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(fields.get(key));
    }

    public boolean has(String key) {
        return fields.get(key) != null;
    }
}
