package uk.pathways.casefile.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import uk.pathways.casefile.CaseVariables;

/**
 * Typed reads of process variables for the engine glue of every module (delegates and listeners), instead of raw
 * casts: a task and an execution are both variable scopes. The names stay in each process's class.
 */
public final class Variables {

    private Variables() {}

    /** The case the scope belongs to ({@link CaseVariables#CASE_ID}). */
    public static String caseId(VariableScope scope) {
        return text(scope, CaseVariables.CASE_ID);
    }

    /** The referral's or episode's reference ({@link CaseVariables#REFERENCE}). */
    public static String reference(VariableScope scope) {
        return text(scope, CaseVariables.REFERENCE);
    }

    /** A variable as text, or null where it is not set. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** A whole number the pathway always sets (an age, a score): a clear failure where it is missing. */
    public static int number(VariableScope scope, String name) {
        if (scope.getVariable(name) instanceof Number number) {
            return number.intValue();
        }
        throw new IllegalStateException(
                "The pathway variable " + name + " is not a number: " + scope.getVariable(name));
    }

    /** A decision flag: true only for a true boolean (or the text "true", as a form may send it). */
    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }
}
