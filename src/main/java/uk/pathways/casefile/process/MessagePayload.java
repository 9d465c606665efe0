package uk.pathways.casefile.process;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        try {
            return raw == null ? null : json.readTree(raw.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message " + message + ": variable '" + variable + "' is not JSON");
        }
    }

    /** What {@code validation} makes of it; invalid input fails the correlation, naming each field. */
    public <T> T valid(String what, Supplier<T> validation) {
        try {
            return validation.get();
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("message " + message + ": invalid " + what + ": " + e.problems());
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
