package uk.pathways.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.screening.IndicatorCatalogue;
import uk.pathways.web.JsonFields;

/** Checks a referral body (contract section 6) and names every bad field; the web form uses it too. */
@Component
public class ReferralValidator {

    static final int MAX_CONCERNS = 10_000;
    private static final Set<String> AGENCIES =
            Arrays.stream(Agency.values()).map(Agency::groupId).collect(Collectors.toSet());

    private final ChildValidation childValidation;
    private final IndicatorCatalogue catalogue;

    ReferralValidator(ChildValidation childValidation, IndicatorCatalogue catalogue) {
        this.childValidation = childValidation;
        this.catalogue = catalogue;
    }

    /** The referral, or an {@link uk.pathways.web.InvalidInputException} naming each bad field. */
    public NewReferral validate(JsonNode body, LocalDate today) {
        JsonFields fields = new JsonFields();
        if (body == null || !body.isObject()) {
            fields.problem("body", "Send the referral as a JSON object");
            fields.throwIfProblems();
        }
        JsonNode child = fields.object(body, "child", "child", true);
        ChildDetails details = child == null ? null : childValidation.read(child, "child", today, fields);
        // Read from the body, not from details: a bad name or date of birth must not hide this problem.
        if (child != null && child.path("lookedAfter").booleanValue() && blank(child.get("placingAuthority"))) {
            fields.problem("child.placingAuthority", "Enter the placing authority of a looked-after child");
        }
        JsonNode referrer = fields.object(body, "referrer", "referrer", true);
        String agency = null;
        String name = null;
        String email = null;
        if (referrer != null) {
            agency = fields.oneOf(referrer, "agency", "referrer.agency", true, AGENCIES);
            name = fields.name(referrer, "name", "referrer.name");
            email = fields.email(referrer, "email", "referrer.email", true);
        }
        String concerns = fields.text(body, "concerns", "concerns", true, MAX_CONCERNS);
        Set<String> known = catalogue.all().stream().map(i -> i.code()).collect(Collectors.toSet());
        List<String> indicators = fields.codes(body, "indicators", "indicators", known);
        fields.throwIfProblems();
        return new NewReferral(details, agency, name, email, concerns, indicators);
    }

    private static boolean blank(JsonNode node) {
        return node == null
                || node.isNull()
                || (node.isTextual() && node.asText().isBlank());
    }
}
