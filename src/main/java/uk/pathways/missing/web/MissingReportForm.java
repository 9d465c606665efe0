package uk.pathways.missing.web;

import static uk.pathways.web.FormToJson.put;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import uk.pathways.web.ChildIdentityBoxes;
import uk.pathways.web.DateOfBirthBoxes;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.FormErrors;
import uk.pathways.web.FormToJson;

/**
 * "Report a missing child" as the practitioner filled it in, and the same JSON body that
 * {@code POST /api/missing-episodes} takes, so that {@link uk.pathways.missing.MissingReportValidator}
 * checks both and the rules live once. The form only splits dates and times into boxes, turns yes/no
 * radios into booleans, and words the validator's API-speak ("caseId") for a practitioner.
 */
final class MissingReportForm {

    static final String DOB = "child.dateOfBirth";
    static final DateTimeInput LAST_SEEN = new DateTimeInput("seen", "missingSince", "the child was last seen");
    static final String[] CHILD_FIELDS = {
        "child.firstName",
        "child.lastName",
        "child.gender",
        "child.ethnicity",
        "child.district",
        "child.lookedAfter",
        "dob.day",
        "dob.month",
        "dob.year"
    };
    static final String[] OTHER_FIELDS = {
        "caseId", "policeReference", "policeRisk", "episodeType", "placingAuthority", "outOfArea"
    };

    private final Map<String, String> values = new LinkedHashMap<>();

    static MissingReportForm empty() {
        return new MissingReportForm();
    }

    static MissingReportForm of(MultiValueMap<String, String> params) {
        MissingReportForm form = new MissingReportForm();
        List<String> names = new ArrayList<>(List.of(CHILD_FIELDS));
        names.addAll(ChildIdentityBoxes.FIELDS);
        names.addAll(List.of(OTHER_FIELDS));
        names.addAll(List.of(DateTimeInput.boxes("seen")));
        for (String field : names) {
            String value = params.getFirst(field);
            form.values.put(field, value == null ? "" : value);
        }
        return form;
    }

    MissingReportForm with(String field, String value) {
        values.put(field, value == null ? "" : value);
        return this;
    }

    /** What the practitioner typed in a field, for putting it back in the form. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** Every box as typed, by name (the date and time fragment reads its boxes from it). */
    public Map<String, String> values() {
        return values;
    }

    /** Whether any of the child's details were given (then the child goes in the report, not only a case id). */
    boolean hasChild() {
        List<String> childFields = new ArrayList<>(List.of(CHILD_FIELDS));
        childFields.addAll(ChildIdentityBoxes.FIELDS);
        for (String field : childFields) {
            String value = value(field);
            if (!value.isBlank() && !("child.lookedAfter".equals(field) && "unknown".equals(value))) {
                return true;
            }
        }
        return false;
    }

    /** The body of {@code POST /api/missing-episodes} (contract section 6); empty boxes are left out. */
    ObjectNode toJson(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        put(body, "caseId", value("caseId"));
        if (hasChild()) {
            ObjectNode child = body.putObject("child");
            put(child, "firstName", value("child.firstName"));
            put(child, "lastName", value("child.lastName"));
            put(child, "dateOfBirth", dateOfBirth());
            put(child, "gender", value("child.gender"));
            put(child, "ethnicity", value("child.ethnicity"));
            put(child, "district", value("child.district"));
            yesNo(child, "lookedAfter", value("child.lookedAfter"));
            ChildIdentityBoxes.put(child, this::value);
        }
        put(body, "missingSince", LAST_SEEN.iso(values));
        put(body, "policeReference", value("policeReference"));
        put(body, "policeRisk", value("policeRisk"));
        put(body, "episodeType", value("episodeType"));
        put(body, "placingAuthority", value("placingAuthority"));
        yesNo(body, "outOfArea", value("outOfArea"));
        return body;
    }

    /** ISO date from the three boxes (see {@link FormToJson#isoDate}). */
    String dateOfBirth() {
        return FormToJson.isoDate(value("dob.day"), value("dob.month"), value("dob.year"));
    }

    /** The validator's problems laid out for the page: worded for the boxes, linked to the first box of a date. */
    FormErrors errors(List<FieldProblem> problems) {
        FormErrors errors = new FormErrors();
        for (FieldProblem p : ChildIdentityBoxes.onPage(problems)) {
            errors.add(p.field(), worded(p));
        }
        return errors.target(DOB, dobTarget())
                .target(LAST_SEEN.field(), LAST_SEEN.target(values))
                .target("child", "child-firstName")
                .target("child.lookedAfter", "child-lookedAfter")
                .target("policeRisk", "policeRisk")
                .target("episodeType", "episodeType")
                .target("outOfArea", "outOfArea");
    }

    private String worded(FieldProblem p) {
        String message = p.message();
        return switch (p.field()) {
            case "missingSince" -> LAST_SEEN.word(message, values);
            case DOB -> message.contains("YYYY-MM-DD") || message.startsWith("Enter ") ? dobMessage() : message;
            case "child" -> "Enter the child's details, or the case reference if the child already has a case";
            case "caseId" ->
                message.startsWith("Send the child")
                        ? "Give the case reference or the child's details, not both"
                        : message.startsWith("There is no case")
                                ? message.replace("There is no case", "There is no case with the reference")
                                : message.startsWith("Enter ") ? "Enter the case reference" : message;
            case "policeReference" -> message.startsWith("Enter ") ? "Enter the police reference" : message;
            case "policeRisk" -> "Select the police risk";
            case "episodeType" -> "Select where the child is missing from";
            case "placingAuthority" ->
                message.startsWith("Enter the placing authority")
                        ? message
                        : message.replace("Placing authority", "The placing authority");
            case "outOfArea" ->
                message.startsWith("Only")
                        ? "Only a looked-after child can be placed out of area: give the placing authority"
                        : "Select whether the child is placed out of area";
            default -> message;
        };
    }

    private String dobTarget() {
        return new DateOfBirthBoxes(this::value).target();
    }

    private String dobMessage() {
        return new DateOfBirthBoxes(this::value).message();
    }

    private static void yesNo(ObjectNode node, String name, String value) {
        if ("yes".equals(value)) {
            node.put(name, true);
        } else if ("no".equals(value)) {
            node.put(name, false);
        }
    }
}
