package uk.pathways.modeling;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.FunctionNode;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/** Reads an engine expression ({@code ${clocks.due('screening')}}) with the engine's own EL parser. */
final class Expressions {

    /** Names the engine itself offers in every expression. */
    static final Set<String> ENGINE_NAMES = Set.of(
            "execution",
            "task",
            "externalTask",
            "variableScope",
            "authenticatedUserId",
            "loopCounter",
            "nrOfInstances",
            "nrOfActiveInstances",
            "nrOfCompletedInstances");
    /** Functions the engine offers (Camunda's built-ins and Spin's). */
    static final Set<String> ENGINE_FUNCTIONS =
            Set.of("now", "dateTime", "currentUser", "currentUserGroups", "S", "XML", "JSON");

    private static final Pattern CLOCK_CALL = Pattern.compile("\\bclocks\\s*\\.\\s*(\\w+)\\s*\\(\\s*'([^']*)'");
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    /** The top-level names an expression uses: the first identifier of each chain, and its functions. */
    record Names(Set<String> identifiers, Set<String> functions) {}

    private Expressions() {}

    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** The names used; throws IllegalArgumentException with the parser's words if the expression is malformed. */
    static Names names(String expression) {
        Tree tree;
        try {
            tree = PARSER.build(expression.strip());
        } catch (TreeBuilderException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Set<String> identifiers = new LinkedHashSet<>();
        for (IdentifierNode node : tree.getIdentifierNodes()) {
            identifiers.add(node.getName());
        }
        Set<String> functions = new LinkedHashSet<>();
        for (FunctionNode node : tree.getFunctionNodes()) {
            functions.add(node.getName());
        }
        return new Names(identifiers, functions);
    }

    /** The clock names an expression passes to the {@code clocks} bean as a literal: {@code clocks.due('screening')}. */
    static List<String> clockNames(String expression) {
        Matcher m = CLOCK_CALL.matcher(expression);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }

    /** {@code ${escalation}} gives {@code escalation}; anything more complex gives null. */
    static String singleName(String expression) {
        Matcher m = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$")
                .matcher(expression);
        return m.matches() ? m.group(1) : null;
    }
}
