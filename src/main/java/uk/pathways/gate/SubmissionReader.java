package uk.pathways.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import uk.pathways.web.FieldProblem;

/**
 * Reads what a completion carries against its task's form and contract section 5: only the form's fields and the
 * section 5 variables, each of the form's type and within its options and bounds, nothing coerced (a boolean sent as
 * {@code "true"} is text, not a boolean). The result is the {@link Submission}, or a {@link TaskInputRefused} naming
 * every bad field.
 */
final class SubmissionReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 2200;

    private final Function<String, Set<String>> dynamicOptions;

    /** {@code dynamicOptions}: the allowed values of a select whose options come from Pathways ({@code valuesKey}). */
    SubmissionReader(Function<String, Set<String>> dynamicOptions) {
        this.dynamicOptions = dynamicOptions;
    }

    Submission read(String taskId, String taskKey, FormRules form, Map<String, ?> given) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        VariableMap decisions = Variables.createVariables();
        VariableMap typed = Variables.fromMap(given == null ? Map.of() : castMap(given));
        List<String> section5 = TaskContract.section5(taskKey);
        for (String name : typed.keySet()) {
            if (TaskContract.PATHWAY_OWNED.contains(name)) {
                problems.add(new FieldProblem(name, "is set by the pathway, never by a task"));
                continue;
            }
            FormField field = form.fields().get(name);
            if (field == null) {
                problems.add(new FieldProblem(name, "is not a field of this task's form (" + form.formId() + ")"));
                continue;
            }
            Object value = value(field, typed.getValueTyped(name), problems);
            if (value != null) {
                fields.put(name, value);
                if (field.decision()) {
                    decisions.putValueTyped(name, engineValue(field, value));
                }
            }
        }
        for (FormField field : form.fields().values()) {
            if (field.kind() == FormField.Kind.CHECKBOX
                    && !fields.containsKey(field.key())
                    && problems.stream().noneMatch(p -> p.field().equals(field.key()))) {
                boolean byDefault = Boolean.TRUE.equals(field.defaultValue());
                fields.put(field.key(), byDefault);
                if (field.decision()) {
                    decisions.putValueTyped(field.key(), Variables.booleanValue(byDefault));
                }
            }
        }
        boolean section5Given = !section5.isEmpty() && section5.stream().allMatch(typed::containsKey);
        // the contract's completion (section 5's variables and nothing else) alone completes its task; a completion
        // that carries more of the form is the form's, and must carry the form's required decision fields too (the
        // screening's exploitation type)
        boolean formBeyondContract = section5Given
                && typed.keySet().stream()
                        .anyMatch(k -> !section5.contains(k)
                                && form.fields().containsKey(k)
                                && !TaskContract.PATHWAY_OWNED.contains(k));
        for (FormField field : form.fields().values()) {
            if (formBeyondContract
                    && field.required()
                    && field.decision()
                    && field.kind() != FormField.Kind.CHECKBOX
                    && !fields.containsKey(field.key())
                    && problems.stream().noneMatch(p -> p.field().equals(field.key()))) {
                problems.add(new FieldProblem(field.key(), "is required: " + field.label()));
            }
        }
        if (!section5Given) {
            for (FormField field : form.fields().values()) {
                if (field.required()
                        && field.kind() != FormField.Kind.CHECKBOX
                        && !fields.containsKey(field.key())
                        && problems.stream().noneMatch(p -> p.field().equals(field.key()))) {
                    problems.add(new FieldProblem(field.key(), "is required: " + field.label()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(problems);
        }
        return new Submission(
                taskId,
                taskKey,
                form.formId(),
                java.util.Collections.unmodifiableMap(fields),
                decisions,
                Set.copyOf(typed.keySet()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<String, ?> given) {
        return (Map<String, Object>) given;
    }

    /** The field's value as recorded, or null when absent or blank; a problem when of the wrong type or out of bounds. */
    private Object value(FormField field, TypedValue typed, List<FieldProblem> problems) {
        Object raw;
        try {
            raw = raw(typed);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field.key(), e.getMessage()));
            return null;
        }
        if (raw == null || raw instanceof JsonNode node && node.isNull()) {
            return null;
        }
        String key = field.key();
        switch (field.kind()) {
            case CHECKBOX -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof JsonNode node && node.isBoolean()) {
                    return node.booleanValue();
                }
                problems.add(new FieldProblem(key, "must be true or false (a boolean, not " + describe(raw) + ")"));
            }
            case TEXT, TEXTAREA -> {
                String text = raw instanceof JsonNode node && node.isTextual()
                        ? node.textValue()
                        : raw instanceof String s ? s : null;
                if (text == null) {
                    problems.add(new FieldProblem(key, "must be text, not " + describe(raw)));
                } else if (text.length() > field.maxLength()) {
                    problems.add(new FieldProblem(
                            key,
                            "must be at most " + field.maxLength() + " characters (it has " + text.length() + ")"));
                } else if (!text.isBlank()) {
                    return text;
                }
            }
            case SELECT, RADIO -> {
                String code = raw instanceof JsonNode node && node.isTextual()
                        ? node.textValue()
                        : raw instanceof String s ? s : null;
                if (code == null) {
                    problems.add(new FieldProblem(
                            key, "must be one of " + String.join(", ", options(field)) + ", not " + describe(raw)));
                } else if (!code.isBlank()) {
                    if (!options(field).contains(code)) {
                        problems.add(new FieldProblem(key, "must be one of " + String.join(", ", options(field))));
                    } else {
                        return code;
                    }
                }
            }
            case CHECKLIST -> {
                return codes(field, raw, problems);
            }
            case NUMBER -> {
                return number(field, raw, problems);
            }
            case DATETIME -> {
                return dateTime(field, raw, problems);
            }
            default -> problems.add(new FieldProblem(key, "cannot be recorded"));
        }
        return null;
    }

    private Set<String> options(FormField field) {
        if (field.optionsKey() != null && !field.optionsKey().isBlank()) {
            return dynamicOptions.apply(field.optionsKey());
        }
        return new LinkedHashSet<>(field.options());
    }

    private List<String> codes(FormField field, Object raw, List<FieldProblem> problems) {
        List<Object> items = new ArrayList<>();
        if (raw instanceof Collection<?> list) {
            items.addAll(list);
        } else if (raw instanceof JsonNode node && node.isArray()) {
            node.forEach(items::add);
        } else {
            problems.add(new FieldProblem(
                    field.key(),
                    "must be a list of codes (" + String.join(", ", options(field)) + "), not " + describe(raw)));
            return null;
        }
        Set<String> allowed = options(field);
        List<String> codes = new ArrayList<>();
        for (Object item : items) {
            String code =
                    item instanceof String s ? s : item instanceof JsonNode n && n.isTextual() ? n.textValue() : null;
            if (code == null || !allowed.contains(code)) {
                problems.add(new FieldProblem(
                        field.key(),
                        "holds " + (code == null ? describe(item) : "'" + abbreviate(code) + "'")
                                + ", which is not one of its codes (" + String.join(", ", allowed) + ")"));
                return null;
            }
            if (codes.contains(code)) {
                problems.add(new FieldProblem(field.key(), "holds '" + code + "' twice"));
                return null;
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    private static Number number(FormField field, Object raw, List<FieldProblem> problems) {
        Number number = raw instanceof Number n
                ? n
                : raw instanceof JsonNode node && node.isNumber() ? node.numberValue() : null;
        if (number == null) {
            problems.add(new FieldProblem(field.key(), "must be a number, not " + describe(raw)));
            return null;
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field.key(), "must be a whole number"));
            return null;
        }
        if (exact.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem(field.key(), "must be a whole number"));
            return null;
        }
        if ((field.min() != null && exact.compareTo(BigDecimal.valueOf(field.min())) < 0)
                || (field.max() != null && exact.compareTo(BigDecimal.valueOf(field.max())) > 0)
                || exact.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            problems.add(new FieldProblem(
                    field.key(),
                    "must be from " + (field.min() == null ? "" : field.min()) + " to "
                            + (field.max() == null ? "" : field.max())));
            return null;
        }
        return exact.intValueExact();
    }

    private static String dateTime(FormField field, Object raw, List<FieldProblem> problems) {
        if (raw instanceof Date date) {
            return inRange(field, date.toInstant().atOffset(ZoneOffset.UTC).getYear(), problems)
                    ? date.toInstant().toString()
                    : null;
        }
        String text = raw instanceof String s
                ? s.strip()
                : raw instanceof JsonNode n && n.isTextual() ? n.textValue().strip() : null;
        if (text == null) {
            problems.add(new FieldProblem(
                    field.key(), "must be a date and time as text, like 2026-11-23T18:30:00Z, not " + describe(raw)));
            return null;
        }
        if (text.isEmpty()) {
            return null;
        }
        Integer year = yearOf(text);
        if (year == null) {
            problems.add(new FieldProblem(field.key(), "must be a date and time like 2026-11-23T18:30:00Z"));
            return null;
        }
        return inRange(field, year, problems) ? text : null;
    }

    private static Integer yearOf(String text) {
        try {
            return OffsetDateTime.parse(text).getYear();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text).atOffset(ZoneOffset.UTC).getYear();
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(text).getYear();
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(text).getYear();
                    } catch (DateTimeParseException notDate) {
                        return null;
                    }
                }
            }
        }
    }

    private static boolean inRange(FormField field, int year, List<FieldProblem> problems) {
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            problems.add(
                    new FieldProblem(field.key(), "must be a date between " + EARLIEST_YEAR + " and " + LATEST_YEAR));
            return false;
        }
        return true;
    }

    /** The plain value of what a door sent: JSON values as JSON, serialized objects only when they are JSON. */
    private static Object raw(TypedValue typed) {
        if (typed == null) {
            return null;
        }
        if (typed instanceof JsonValue json) {
            return json.getValueSerialized() == null ? null : parse(json.getValueSerialized());
        }
        if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            String format = serializable.getSerializationDataFormat();
            if (format != null && format.startsWith("application/json")) {
                return parse(serializable.getValueSerialized());
            }
            throw new IllegalArgumentException(
                    "must be sent as JSON, not as a serialized " + (format == null ? "object" : format));
        }
        return typed.getValue();
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON");
        }
    }

    private static TypedValue engineValue(FormField field, Object value) {
        return switch (field.kind()) {
            case CHECKBOX -> Variables.booleanValue((Boolean) value);
            case NUMBER -> Variables.integerValue((Integer) value);
            case CHECKLIST -> {
                ArrayNode array = JSON.createArrayNode();
                ((List<?>) value).forEach(code -> array.add(code.toString()));
                yield SpinValues.jsonValue(array.toString()).create();
            }
            default -> Variables.stringValue(value.toString());
        };
    }

    private static String describe(Object raw) {
        if (raw instanceof JsonNode node) {
            return node.isTextual()
                    ? "the text '" + abbreviate(node.textValue()) + "'"
                    : node.isArray()
                            ? "a list"
                            : node.isObject()
                                    ? "an object"
                                    : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "JSON";
        }
        if (raw instanceof String s) {
            return "the text '" + abbreviate(s) + "'";
        }
        if (raw instanceof Boolean) {
            return "a boolean";
        }
        if (raw instanceof Number) {
            return "a number";
        }
        if (raw instanceof Collection<?>) {
            return "a list";
        }
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        return "a value of another kind";
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shown.replaceAll("[\\p{Cntrl}]", "?");
    }
}
