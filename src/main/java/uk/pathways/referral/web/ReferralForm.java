package uk.pathways.referral.web;

import static uk.pathways.web.FormToJson.put;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import uk.pathways.web.ChildIdentityBoxes;
import uk.pathways.web.DateOfBirthBoxes;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.FormToJson;

/**
 * The "Make a referral" form as the practitioner filled it in, and the same JSON body that
 * {@code POST /api/referrals} takes, so that {@link uk.pathways.referral.ReferralValidator} checks both
 * and the rules live once. The form only splits the date of birth into day, month and year (the GOV.UK
 * date input) and words the validator's date message for those three boxes.
 */
final class ReferralForm {

    static final String DOB = "child.dateOfBirth";
    static final String[] TEXT_FIELDS = {
        "child.firstName",
        "child.lastName",
        "child.gender",
        "child.ethnicity",
        "child.district",
        "child.lookedAfter",
        "child.placingAuthority",
        "referrer.agency",
        "referrer.name",
        "referrer.email",
        "concerns",
        "dob.day",
        "dob.month",
        "dob.year"
    };

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> indicators = new ArrayList<>();

    static ReferralForm empty() {
        return new ReferralForm();
    }

    static ReferralForm of(MultiValueMap<String, String> params) {
        ReferralForm form = new ReferralForm();
        List<String> fields = new ArrayList<>(List.of(TEXT_FIELDS));
        fields.addAll(ChildIdentityBoxes.FIELDS);
        for (String field : fields) {
            String value = params.getFirst(field);
            form.values.put(field, value == null ? "" : value);
        }
        List<String> ticked = params.get("indicators");
        if (ticked != null) {
            ticked.stream()
                    .filter(code -> code != null && !code.isBlank())
                    .distinct()
                    .forEach(form.indicators::add);
        }
        return form;
    }

    ReferralForm with(String field, String value) {
        values.put(field, value == null ? "" : value);
        return this;
    }

    /** What the practitioner typed in a field, for putting it back in the form. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean ticked(String code) {
        return indicators.contains(code);
    }

    /** The body of {@code POST /api/referrals} (contract section 6); empty boxes are left out. */
    ObjectNode toJson(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        ObjectNode child = body.putObject("child");
        put(child, "firstName", value("child.firstName"));
        put(child, "lastName", value("child.lastName"));
        put(child, "dateOfBirth", dateOfBirth());
        put(child, "gender", value("child.gender"));
        put(child, "ethnicity", value("child.ethnicity"));
        put(child, "district", value("child.district"));
        if ("yes".equals(value("child.lookedAfter"))) {
            child.put("lookedAfter", true);
        } else if ("no".equals(value("child.lookedAfter"))) {
            child.put("lookedAfter", false);
        }
        put(child, "placingAuthority", value("child.placingAuthority"));
        ChildIdentityBoxes.put(child, this::value);
        ObjectNode referrer = body.putObject("referrer");
        put(referrer, "agency", value("referrer.agency"));
        put(referrer, "name", value("referrer.name"));
        put(referrer, "email", value("referrer.email"));
        put(body, "concerns", value("concerns"));
        ArrayNode codes = body.putArray("indicators");
        indicators.forEach(codes::add);
        return body;
    }

    /** ISO date from the three boxes (see {@link FormToJson#isoDate}). */
    String dateOfBirth() {
        return FormToJson.isoDate(value("dob.day"), value("dob.month"), value("dob.year"));
    }

    /** The validator's problems, with its date-format message worded for the day, month and year boxes. */
    List<FieldProblem> worded(List<FieldProblem> problems) {
        List<FieldProblem> worded = new ArrayList<>();
        for (FieldProblem p : ChildIdentityBoxes.onPage(problems)) {
            if (DOB.equals(p.field()) && p.message().contains("YYYY-MM-DD")) {
                worded.add(new FieldProblem(DOB, dateMessage()));
            } else {
                worded.add(p);
            }
        }
        return worded;
    }

    /** Which date box a date problem should take the reader to: the first one that is missing or wrong. */
    String dateTarget() {
        return new DateOfBirthBoxes(this::value).target();
    }

    private String dateMessage() {
        return new DateOfBirthBoxes(this::value).message();
    }
}
