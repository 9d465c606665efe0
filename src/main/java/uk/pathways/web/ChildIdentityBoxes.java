package uk.pathways.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The child's identifiers and known-as names on the pages' forms (Make a referral, Report a missing child), made into
 * the API's JSON so that the API's validator judges both: four text boxes, and one box of other names, one a line
 * ("Robyn Sample", or a first name alone). The validator's problems with one known-as name are shown at that box.
 */
public final class ChildIdentityBoxes {

    public static final String KNOWN_AS = "child.knownAs";
    public static final List<String> FIELDS =
            List.of("child.nhsNumber", "child.localAuthorityChildId", "child.upn", "child.policePersonId", KNOWN_AS);

    private ChildIdentityBoxes() {}

    /** Puts what was typed into the child's JSON; blank boxes are left out. */
    public static void put(ObjectNode child, Function<String, String> value) {
        for (String field : FIELDS) {
            if (!field.equals(KNOWN_AS)) {
                FormToJson.put(child, field.substring("child.".length()), value.apply(field));
            }
        }
        List<String> lines = value.apply(KNOWN_AS)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        if (!lines.isEmpty()) {
            ArrayNode names = child.putArray("knownAs");
            for (String line : lines) {
                ObjectNode name = names.addObject();
                int last = line.lastIndexOf(' ');
                if (last < 0) {
                    name.put("firstName", line);
                } else {
                    name.put("firstName", line.substring(0, last).strip());
                    name.put("lastName", line.substring(last + 1));
                }
            }
        }
    }

    /** A problem with the third known-as name ({@code child.knownAs[2].lastName}) is shown at the box, numbered. */
    public static List<FieldProblem> onPage(List<FieldProblem> problems) {
        List<FieldProblem> worded = new ArrayList<>();
        for (FieldProblem p : problems) {
            if (p.field().startsWith(KNOWN_AS + "[")) {
                int line = Integer.parseInt(p.field().replaceAll("^child\\.knownAs\\[(\\d+)].*$", "$1")) + 1;
                worded.add(new FieldProblem(KNOWN_AS, "Other name on line " + line + ": " + p.message()));
            } else {
                worded.add(p);
            }
        }
        return worded;
    }
}
