package uk.pathways.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads fields of a JSON body one by one, collecting a {@link FieldProblem} for each bad one, so that
 * a request with three mistakes hears of all three. Field paths are as the client sent them.
 */
public class JsonFields {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L}\\p{M} .'\u2019-]*$");

    private final List<FieldProblem> problems = new ArrayList<>();

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public void throwIfProblems() {
        if (hasProblems()) {
            throw new InvalidInputException(problems);
        }
    }

    public static JsonNode at(JsonNode node, String name) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.get(name);
    }

    private static boolean absent(JsonNode node) {
        return node == null
                || node.isNull()
                || (node.isTextual() && node.asText().isBlank());
    }

    public String text(JsonNode parent, String name, String path, boolean required, int maxLength) {
        JsonNode node = at(parent, name);
        if (absent(node)) {
            if (required) {
                problem(path, "Enter " + describe(path));
            }
            return null;
        }
        if (!node.isTextual()) {
            problem(path, cap(describe(path)) + " must be text");
            return null;
        }
        String value = node.asText().strip();
        if (value.length() > maxLength) {
            problem(path, cap(describe(path)) + " must be " + maxLength + " characters or fewer");
            return null;
        }
        return value;
    }

    public String name(JsonNode parent, String name, String path) {
        String value = text(parent, name, path, true, 100);
        if (value != null && !NAME.matcher(value).matches()) {
            problem(path, cap(describe(path)) + " must only include letters, spaces, hyphens and apostrophes");
            return null;
        }
        return value;
    }

    public String email(JsonNode parent, String name, String path, boolean required) {
        String value = text(parent, name, path, required, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            problem(path, "Enter an email address in the correct format, like name@example.org");
            return null;
        }
        return value;
    }

    public String oneOf(JsonNode parent, String name, String path, boolean required, Set<String> allowed) {
        String value = text(parent, name, path, required, 100);
        if (value != null && !allowed.contains(value)) {
            problem(
                    path,
                    cap(describe(path)) + " must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    public LocalDate date(JsonNode parent, String name, String path, boolean required) {
        String value = text(parent, name, path, required, 10);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(path, cap(describe(path)) + " must be a real date, written YYYY-MM-DD");
            return null;
        }
    }

    public OffsetDateTime dateTime(JsonNode parent, String name, String path, boolean required) {
        String value = text(parent, name, path, required, 40);
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value);
            if (parsed.getYear() < 1900 || parsed.getYear() > 2200) {
                problem(path, cap(describe(path)) + " must be a real date and time, between the years 1900 and 2200");
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            problem(path, cap(describe(path)) + " must be a date and time with its offset, like 2026-11-23T18:30:00Z");
            return null;
        }
    }

    public Optional<Boolean> bool(JsonNode parent, String name, String path) {
        JsonNode node = at(parent, name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            problem(path, cap(describe(path)) + " must be true or false");
            return Optional.empty();
        }
        return Optional.of(node.asBoolean());
    }

    public List<String> codes(JsonNode parent, String name, String path, Set<String> allowed) {
        JsonNode node = at(parent, name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, cap(describe(path)) + " must be a list of codes");
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode element : node) {
            String code = element.isTextual() ? element.asText().strip() : element.toString();
            if (allowed.contains(code)) {
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            } else {
                unknown.add(code.length() > 40 ? code.substring(0, 40) + "…" : code);
            }
        }
        if (!unknown.isEmpty()) {
            problem(path, "Unknown " + describe(path) + ": " + String.join(", ", unknown));
        }
        return codes;
    }

    public JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = at(parent, name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "Enter " + describe(path));
            }
            return null;
        }
        if (!node.isObject()) {
            problem(path, cap(describe(path)) + " must be an object");
            return null;
        }
        return node;
    }

    static String cap(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "child.dateOfBirth" reads as "the child's date of birth". */
    static String describe(String path) {
        String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        String words = last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        if (path.startsWith("child.")) {
            return "the child's " + words;
        }
        if (path.startsWith("referrer.")) {
            return "the referrer's " + words;
        }
        return words;
    }
}
