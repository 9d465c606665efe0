package uk.pathways.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The words of the forms and models, for reading a case record back as a practitioner recorded it: each task's name,
 * each field's label and each option's wording, from the shipped {@code forms/} and {@code bpmn/}. A code that is not
 * there is shown as words made of it.
 */
@Component("formWording")
public class FormWording {

    private static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\" name=\"([^\"]+)\"");

    private final Map<String, String> taskNames = new HashMap<>();
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Map<String, Map<String, Map<String, String>>> options = new HashMap<>();
    private final Display display;

    FormWording(Display display, ObjectMapper json) throws IOException {
        this.display = display;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource r : resolver.getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = r.getInputStream()) {
                JsonNode form = json.readTree(in);
                String id = form.path("id").asText();
                Map<String, String> fieldLabels = new LinkedHashMap<>();
                Map<String, Map<String, String>> fieldOptions = new HashMap<>();
                collect(form.path("components"), fieldLabels, fieldOptions);
                labels.put(id, fieldLabels);
                options.put(id, fieldOptions);
            }
        }
        for (Resource r : resolver.getResources("classpath*:bpmn/**/*.bpmn")) {
            try (InputStream in = r.getInputStream()) {
                Matcher m = USER_TASK.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                while (m.find()) {
                    taskNames.put(m.group(1), m.group(2).replace("&#39;", "'"));
                }
            }
        }
        taskNames.put("referral", "Referral");
        // a referral's indicators are the screening form's
        options.put(
                "referral",
                Map.of("indicators", options.getOrDefault("screening", Map.of()).getOrDefault("indicators", Map.of())));
    }

    private static void collect(
            JsonNode components, Map<String, String> labels, Map<String, Map<String, String>> options) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"), labels, options);
            }
            String key = c.path("key").asText("");
            if (key.isBlank()) {
                continue;
            }
            labels.put(key, c.path("label").asText(c.path("dateLabel").asText(key)));
            Map<String, String> values = new HashMap<>();
            c.path("values")
                    .forEach(v ->
                            values.put(v.path("value").asText(), v.path("label").asText()));
            options.put(key, values);
        }
    }

    /** The options of a field of a form, code to wording ({@code screening}, {@code indicators}: the CSE indicators). */
    public Map<String, String> options(String kind, String key) {
        return Map.copyOf(options.getOrDefault(kind, Map.of()).getOrDefault(key, Map.of()));
    }

    /** The name of the task that recorded an entry of this kind ("Screen the referral"). */
    public String task(String kind) {
        return taskNames.getOrDefault(kind, display.words(kind));
    }

    public String label(String kind, String key) {
        String label = labels.getOrDefault(kind, Map.of()).get(key);
        return label != null
                ? label
                : switch (key) {
                    case "concerns" -> "Concerns";
                    case "indicators" -> "Indicators";
                    case "referrerName" -> "Referred by";
                    case "referrerAgency" -> "Referring agency";
                    case "referrerEmail" -> "Referrer's e-mail";
                    case "source" -> "Received through";
                    default -> display.words(key);
                };
    }

    /** A recorded value in words: yes or no, an option's wording, a list of them, a date and time in UK time. */
    public String value(String kind, String key, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty()
                    ? "None"
                    : String.join(
                            "; ",
                            list.stream()
                                    .map(v -> option(kind, key, String.valueOf(v)))
                                    .toList());
        }
        String text = value.toString();
        if ("referrerAgency".equals(key)) {
            return display.agency(text);
        }
        Map<String, String> known = options.getOrDefault(kind, Map.of()).getOrDefault(key, Map.of());
        if (known.containsKey(text)) {
            return known.get(text);
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return display.dateTime(OffsetDateTime.parse(text).toInstant());
            } catch (RuntimeException notOffset) {
                try {
                    return display.dateTime(Instant.parse(text));
                } catch (RuntimeException notInstant) {
                    return text;
                }
            }
        }
        return text;
    }

    private String option(String kind, String key, String code) {
        String wording =
                options.getOrDefault(kind, Map.of()).getOrDefault(key, Map.of()).get(code);
        return wording != null ? wording : display.words(code);
    }

    /** The fields of an entry in the order its form asks them, as (label, value in words); internal ones left out. */
    public List<Map.Entry<String, String>> fields(String kind, Map<String, Object> fields) {
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> order = List.copyOf(labels.getOrDefault(kind, Map.of()).keySet());
        fields.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(k -> order.indexOf(k) < 0 ? 999 : order.indexOf(k)))
                .filter(k -> !"restricted".equals(k) && !"source".equals(k))
                .forEach(k -> shown.put(label(kind, k), value(kind, k, fields.get(k))));
        return List.copyOf(shown.entrySet());
    }
}
