package uk.pathways.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields a task's form lets a completion carry, read from the form's JSON (Camunda Forms, form-js schema):
 * every component with a {@code key}, inside groups too. A component type the gate cannot check is a
 * {@link Unsupported} problem, which the deployment check reports before the form is deployed.
 */
public record FormRules(String formId, Map<String, FormField> fields) {

    /** Text fields without their own limit; text areas without one. */
    static final int DEFAULT_TEXT_LENGTH = 200;

    static final int DEFAULT_TEXTAREA_LENGTH = 10_000;

    public record Unsupported(String key, String type) {}

    public Optional<FormField> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public static FormRules parse(JsonNode form) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields, new ArrayList<>());
        return new FormRules(form.path("id").asText(""), Collections.unmodifiableMap(fields));
    }

    /** The keyed components of a form whose type the gate cannot check (for the deployment check). */
    public static List<Unsupported> unsupported(JsonNode form) {
        List<Unsupported> unsupported = new ArrayList<>();
        collect(form.path("components"), new LinkedHashMap<>(), unsupported);
        return unsupported;
    }

    private static void collect(JsonNode components, Map<String, FormField> fields, List<Unsupported> unsupported) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (component.has("components")) {
                collect(component.path("components"), fields, unsupported);
            }
            String key = component.path("key").asText("");
            if (key.isBlank()) {
                continue;
            }
            FormField.Kind kind = kind(type);
            if (kind == null) {
                unsupported.add(new Unsupported(key, type));
                continue;
            }
            fields.put(key, field(key, kind, component));
        }
    }

    private static FormField.Kind kind(String type) {
        return switch (type) {
            case "textfield" -> FormField.Kind.TEXT;
            case "textarea" -> FormField.Kind.TEXTAREA;
            case "checkbox" -> FormField.Kind.CHECKBOX;
            case "checklist", "taglist" -> FormField.Kind.CHECKLIST;
            case "select" -> FormField.Kind.SELECT;
            case "radio" -> FormField.Kind.RADIO;
            case "number" -> FormField.Kind.NUMBER;
            case "datetime" -> FormField.Kind.DATETIME;
            default -> null;
        };
    }

    private static FormField field(String key, FormField.Kind kind, JsonNode component) {
        JsonNode validate = component.path("validate");
        int maxLength = validate.path("maxLength").isInt()
                ? validate.path("maxLength").asInt()
                : kind == FormField.Kind.TEXT ? DEFAULT_TEXT_LENGTH : DEFAULT_TEXTAREA_LENGTH;
        List<String> options = new ArrayList<>();
        for (JsonNode value : component.path("values")) {
            options.add(value.path("value").asText());
        }
        String optionsKey = component.path("valuesKey").asText(null);
        boolean decision = "true"
                .equalsIgnoreCase(component.path("properties").path("decision").asText(""));
        Object defaultValue = null;
        JsonNode given = component.get("defaultValue");
        if (given != null && !given.isNull()) {
            defaultValue = given.isBoolean()
                    ? (Object) given.booleanValue()
                    : given.isNumber() ? given.numberValue() : given.asText();
        }
        String label =
                component.path("label").asText(component.path("dateLabel").asText(key));
        return new FormField(
                key,
                kind,
                label,
                validate.path("required").asBoolean(false),
                maxLength,
                validate.path("min").isNumber() ? validate.path("min").asInt() : null,
                validate.path("max").isNumber() ? validate.path("max").asInt() : null,
                List.copyOf(options),
                optionsKey,
                decision && !kind.freeText(),
                defaultValue);
    }
}
