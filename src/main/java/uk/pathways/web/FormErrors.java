package uk.pathways.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field problems laid out the GOV.UK way: an error summary at the top whose links go to each field, and
 * one message at each field. A field path ({@code child.dateOfBirth}) becomes the id of the input it
 * links to ({@code child-dateOfBirth}); a template may point a path to another id (a date input's day).
 */
public class FormErrors {

    public record Item(String field, String href, String message) {}

    private final Map<String, String> messages = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static String idOf(String path) {
        return path.replace('.', '-');
    }

    /** The id of the input of a field path, for templates. */
    public String id(String path) {
        return idOf(path);
    }

    /** Links the summary entry of {@code path} to the element with id {@code id} instead of {@code idOf(path)}. */
    public FormErrors target(String path, String id) {
        targets.put(path, id);
        return this;
    }

    /** Adds the first problem of each field; later ones for the same field are not repeated. */
    public FormErrors add(String path, String message) {
        messages.putIfAbsent(path, message);
        return this;
    }

    public FormErrors addAll(List<FieldProblem> problems) {
        problems.forEach(p -> add(p.field(), p.message()));
        return this;
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public boolean has(String path) {
        return messages.containsKey(path);
    }

    public String message(String path) {
        return messages.get(path);
    }

    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        messages.forEach((field, message) ->
                items.add(new Item(field, "#" + targets.getOrDefault(field, idOf(field)), message)));
        return items;
    }
}
