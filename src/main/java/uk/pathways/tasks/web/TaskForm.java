package uk.pathways.tasks.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import uk.pathways.calendar.Now;
import uk.pathways.web.FormErrors;

/**
 * A task's Camunda Form ({@code forms/<key>.form}, the deployed version) as GOV.UK components: each keyed component
 * in order with its label, hint, options and the value shown; and the posted page read back into the variables the
 * completion gate checks. Text components that only repeat the task's header (with {@code {{...}}} templates) are
 * left out: the page has its own header.
 */
public final class TaskForm {

    /** One option of a checklist, radio or select. */
    public record Option(String value, String label, boolean chosen) {}

    /** One component of the form, as the page shows it. */
    public record Field(
            String key,
            String type,
            String label,
            String hint,
            boolean required,
            Integer maxLength,
            List<Option> options,
            String value,
            String day,
            String month,
            String year,
            String time,
            String text,
            boolean dateOnly) {

        public String id() {
            return FormErrors.idOf(key);
        }

        public boolean isText() {
            return "text".equals(type);
        }
    }

    private final List<Field> fields;

    private TaskForm(List<Field> fields) {
        this.fields = fields;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The form, blank or with what the practitioner posted (shown again with its errors). */
    static TaskForm of(JsonNode form, Map<String, List<Option>> dynamicOptions, MultiValueMap<String, String> posted) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), dynamicOptions, posted, fields);
        return new TaskForm(fields);
    }

    private static void collect(
            JsonNode components,
            Map<String, List<Option>> dynamic,
            MultiValueMap<String, String> posted,
            List<Field> fields) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            if (c.has("components")) {
                collect(c.path("components"), dynamic, posted, fields);
                continue;
            }
            if ("text".equals(type)) {
                String text = c.path("text").asText("");
                if (!text.contains("{{")) {
                    fields.add(new Field(
                            c.path("id").asText(),
                            "text",
                            null,
                            null,
                            false,
                            null,
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            text.replaceAll("(?m)^#+\\s*", "").replace("**", ""),
                            false));
                }
                continue;
            }
            String key = c.path("key").asText("");
            if (key.isBlank()) {
                continue;
            }
            String label = c.path("label").asText(c.path("dateLabel").asText(key));
            String hint = c.path("description").asText(null);
            boolean required = c.path("validate").path("required").asBoolean(false);
            Integer maxLength = c.path("validate").path("maxLength").isInt()
                    ? c.path("validate").path("maxLength").asInt()
                    : null;
            List<String> chosen = posted == null ? List.of() : posted.getOrDefault(key, List.of());
            if (posted == null && c.path("defaultValue").isArray()) {
                // a checklist's default choices (the strategy meeting's usual invitees) start ticked
                List<String> defaults = new ArrayList<>();
                c.path("defaultValue").forEach(v -> defaults.add(v.asText()));
                chosen = defaults;
            }
            List<Option> options = new ArrayList<>();
            if (c.has("valuesKey")) {
                for (Option o : dynamic.getOrDefault(c.path("valuesKey").asText(), List.of())) {
                    options.add(new Option(o.value(), o.label(), chosen.contains(o.value())));
                }
            }
            for (JsonNode v : c.path("values")) {
                options.add(new Option(
                        v.path("value").asText(),
                        v.path("label").asText(),
                        chosen.contains(v.path("value").asText())));
            }
            String value = chosen.isEmpty() ? null : chosen.get(0);
            if (posted == null
                    && "checkbox".equals(type)
                    && c.path("defaultValue").asBoolean(false)) {
                value = "true";
            }
            fields.add(new Field(
                    key,
                    type,
                    label,
                    hint,
                    required,
                    maxLength,
                    options,
                    value,
                    first(posted, key + ".day"),
                    first(posted, key + ".month"),
                    first(posted, key + ".year"),
                    first(posted, key + ".time"),
                    null,
                    "date".equals(c.path("subtype").asText())));
        }
    }

    private static String first(MultiValueMap<String, String> posted, String name) {
        return posted == null ? null : posted.getFirst(name);
    }

    /**
     * The variables the page's post makes, as the Tasklist would send them: text as text, a ticked box as
     * {@code true} (an unticked one as {@code false}), a checklist as a list, a number as a number, a date and time as
     * an ISO date-time with its offset (UK time). Blank text is left out. Page-level problems (a required field left
     * blank, a date that is not a date) go to {@code errors}.
     */
    Map<String, Object> variables(FormErrors errors) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Field f : fields) {
            switch (f.type()) {
                case "text" -> {}
                case "checkbox" -> variables.put(f.key(), "true".equals(f.value()));
                case "checklist", "taglist" ->
                    variables.put(
                            f.key(),
                            f.options().stream()
                                    .filter(Option::chosen)
                                    .map(Option::value)
                                    .toList());
                case "number" -> {
                    if (f.value() != null && !f.value().isBlank()) {
                        try {
                            variables.put(f.key(), Integer.parseInt(f.value().strip()));
                        } catch (NumberFormatException e) {
                            errors.add(f.key(), f.label() + " must be a whole number");
                        }
                    } else if (f.required()) {
                        errors.add(f.key(), "Enter " + lower(f.label()));
                    }
                }
                case "datetime" -> dateTime(f, variables, errors);
                default -> {
                    if (f.value() != null && !f.value().isBlank()) {
                        variables.put(f.key(), f.value());
                    } else if (f.required()) {
                        errors.add(
                                f.key(),
                                ("select".equals(f.type()) || "radio".equals(f.type()) ? "Select " : "Enter ")
                                        + lower(f.label()));
                    }
                }
            }
            if (f.maxLength() != null && f.value() != null && f.value().length() > f.maxLength()) {
                errors.add(f.key(), f.label() + " must be " + f.maxLength() + " characters or fewer");
            }
        }
        return variables;
    }

    private static void dateTime(Field f, Map<String, Object> variables, FormErrors errors) {
        boolean any = !blank(f.day()) || !blank(f.month()) || !blank(f.year()) || (!f.dateOnly() && !blank(f.time()));
        errors.target(f.key(), f.id() + "-day");
        if (!any) {
            if (f.required()) {
                errors.add(f.key(), "Enter the " + lower(f.label()));
            }
            return;
        }
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(f.year().strip()),
                    Integer.parseInt(f.month().strip()),
                    Integer.parseInt(f.day().strip()));
            if (f.dateOnly()) {
                // a date field (subtype "date"): the day alone, as the form records it
                variables.put(f.key(), date.toString());
                return;
            }
            LocalTime time = LocalTime.parse(
                    f.time().strip().length() == 4
                            ? "0" + f.time().strip()
                            : f.time().strip());
            OffsetDateTime at = LocalDateTime.of(date, time).atZone(Now.UK).toOffsetDateTime();
            variables.put(f.key(), at.withOffsetSameInstant(ZoneOffset.UTC).toString());
        } catch (RuntimeException e) {
            errors.add(
                    f.key(),
                    f.label()
                            + (f.dateOnly()
                                    ? " must be a real date, like 27 3 2027"
                                    : " must be a real date and a time like 14:30"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String lower(String label) {
        return label == null || label.isEmpty() ? "this" : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
