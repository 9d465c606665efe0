package uk.pathways.gate;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import uk.pathways.web.FieldProblem;

/**
 * A task completion (or a message, or a listener's check of what was recorded) refused for bad input, naming each
 * field. Thrown inside the engine's transaction, so the task stays open and nothing is changed. Every door answers
 * 400: the engine REST API maps form-field validation failures to 400 itself, and Pathways' doors write the
 * problems as {@code application/problem+json} with {@code errors: [{field, message}]}.
 */
public class TaskInputRefused extends FormFieldValidationException implements uk.pathways.web.FieldsRefused {

    private final transient List<FieldProblem> problems;

    public TaskInputRefused(List<FieldProblem> problems) {
        super(problems.isEmpty() ? null : problems.get(0).field(), summary(problems));
        this.problems = List.copyOf(problems);
    }

    public static TaskInputRefused of(String field, String message) {
        return new TaskInputRefused(List.of(new FieldProblem(field, message)));
    }

    @Override
    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        return "Some fields are missing or wrong: "
                + problems.stream()
                        .map(p -> p.field() + " (" + p.message() + ")")
                        .collect(Collectors.joining("; "));
    }
}
