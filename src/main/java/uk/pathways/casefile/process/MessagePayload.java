package uk.pathways.casefile.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * A case started by a partner system's BPMN message whose payload variable holds the same JSON as Pathways' HTTP
 * API (a referral, a missing-child report): read, validated exactly as the API does (bad input fails the
 * correlation and creates nothing), and once the case record has it, dropped from the engine, which keeps only
 * ids, display name, age and decision fields.
 */
public final class MessagePayload {

    private final DelegateExecution execution;
    private final String message;
    private final String variable;

    public MessagePayload(DelegateExecution execution, String message, String variable) {
        this.execution = execution;
        this.message = message;
        this.variable = variable;
    }

    /** The payload as JSON (null if the variable is missing, which the validator reports). */
    public JsonNode json(ObjectMapper json) {
        Object raw = execution.getVariable(variable);
        if (raw instanceof org.camunda.spin.json.SpinJsonNode node) {
            raw = node.toString();
        }
        if (raw != null && !(raw instanceof String)) {
            throw TaskInputRefused.of(variable, "message " + message + " carries the " + variable + " as JSON text");
        }
        try {
            return raw == null ? null : json.readTree(raw.toString());
        } catch (JsonProcessingException e) {
            throw TaskInputRefused.of(variable, "message " + message + ": variable '" + variable + "' is not JSON");
        }
    }

    /**
     * What {@code validation} makes of it; invalid input fails the correlation (400 at every door, nothing created),
     * naming each field as a path inside the payload variable ({@code referral.child.firstName}).
     */
    public <T> T valid(String what, Supplier<T> validation) {
        try {
            return validation.get();
        } catch (InvalidInputException e) {
            throw new TaskInputRefused(e.problems().stream()
                    .map(p -> new FieldProblem(variable + "." + p.field(), p.message()))
                    .toList());
        }
    }

    /** Recorded as {@code reference}: the payload goes, the case's variables come, the business key is the reference. */
    public void recorded(String reference, Map<String, Object> variables) {
        execution.removeVariable(variable);
        execution.setVariables(variables);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(reference);
        }
    }
}
