package uk.pathways.screening.process;

import static org.camunda.spin.Spin.JSON;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Reads the {@code indicators} variable whichever shape the form or API gave it: a list, JSON, or "A,B". */
final class Indicators {

    private Indicators() {}

    static List<String> read(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonValue json) {
            value = json.getValue();
        }
        if (value instanceof SpinJsonNode node) {
            return fromNode(node);
        }
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .map(String::valueOf)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        String text = value.toString().strip();
        if (text.startsWith("[")) {
            return fromNode(JSON(text));
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> fromNode(SpinJsonNode node) {
        List<String> codes = new ArrayList<>();
        if (node.isArray()) {
            for (SpinJsonNode element : node.elements()) {
                codes.add(element.isString() ? element.stringValue() : element.toString());
            }
        }
        return codes;
    }
}
