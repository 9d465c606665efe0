package uk.pathways.missing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseSummary;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.referral.ChildValidation;
import uk.pathways.web.JsonFields;

/**
 * Checks a missing report (contract section 6, {@code POST /api/missing-episodes}, or the {@code missingReport}
 * of message {@code MissingReported}) and names every bad field. Nothing is recorded until it passes.
 */
@Component
public class MissingReportValidator {

    static final Pattern POLICE_REFERENCE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 /_.-]*$");

    private final ChildValidation childValidation;
    private final CaseFile caseFile;

    MissingReportValidator(ChildValidation childValidation, CaseFile caseFile) {
        this.childValidation = childValidation;
        this.caseFile = caseFile;
    }

    public NewMissingReport validate(JsonNode body) {
        Instant now = Now.instant();
        LocalDate today = Now.today();
        JsonFields fields = new JsonFields();
        if (body == null || !body.isObject()) {
            fields.problem("body", "Send the missing report as a JSON object");
            fields.throwIfProblems();
        }
        boolean hasChild = present(JsonFields.at(body, "child"));
        boolean hasCase = present(JsonFields.at(body, "caseId"));
        ChildDetails child = null;
        CaseSummary existing = null;
        boolean childSaysLookedAfter = false;
        String childPlacingAuthority = null;
        if (hasChild && hasCase) {
            fields.problem("caseId", "Send the child or the caseId of the child's case, not both");
        } else if (!hasChild && !hasCase) {
            fields.problem("child", "Enter the child, or the caseId of the child's existing case");
        } else if (hasChild) {
            JsonNode node = fields.object(body, "child", "child", true);
            if (node != null) {
                child = childValidation.read(node, "child", today, fields);
                childSaysLookedAfter = node.path("lookedAfter").booleanValue();
                childPlacingAuthority = node.path("placingAuthority").isTextual()
                                && !node.path("placingAuthority").asText().isBlank()
                        ? node.path("placingAuthority").asText().strip()
                        : null;
            }
        } else {
            String caseId = fields.text(body, "caseId", "caseId", true, 20);
            if (caseId != null) {
                Optional<CaseSummary> found = caseFile.find(caseId);
                if (found.isEmpty()) {
                    fields.problem("caseId", "There is no case " + caseId);
                } else {
                    existing = found.get();
                    childSaysLookedAfter = existing.child().lookedAfter();
                    childPlacingAuthority = existing.child().placingAuthority();
                }
            }
        }
        OffsetDateTime missingSince = fields.dateTime(body, "missingSince", "missingSince", true);
        if (missingSince != null && missingSince.toInstant().isAfter(now.plus(MissingEpisodes.CLOCK_SKEW))) {
            fields.problem("missingSince", "The time the child was last seen must not be in the future");
            missingSince = null;
        }
        java.time.LocalDate born = child != null
                ? child.dateOfBirth()
                : existing != null ? existing.child().dateOfBirth() : null;
        if (missingSince != null
                && born != null
                && missingSince
                        .toInstant()
                        .isBefore(born.atStartOfDay(uk.pathways.calendar.Now.UK).toInstant())) {
            fields.problem(
                    "missingSince",
                    "The time the child was last seen must not be before the child was born (" + born + ")");
            missingSince = null;
        }
        String policeReference = fields.text(body, "policeReference", "policeReference", true, 50);
        if (policeReference != null
                && !POLICE_REFERENCE.matcher(policeReference).matches()) {
            fields.problem(
                    "policeReference", "The police reference must only include letters, digits, spaces and / _ . -");
            policeReference = null;
        }
        String policeRisk = fields.oneOf(body, "policeRisk", "policeRisk", true, EpisodeTypes.POLICE_RISKS);
        String episodeType = fields.oneOf(body, "episodeType", "episodeType", true, EpisodeTypes.EPISODE_TYPES);
        String placingAuthority = fields.text(body, "placingAuthority", "placingAuthority", false, 150);
        boolean outOfArea = fields.bool(body, "outOfArea", "outOfArea").orElse(false);
        boolean lookedAfter = childSaysLookedAfter || EpisodeTypes.fromCare(episodeType) || placingAuthority != null;
        // a placing authority that was sent but is bad is named once, above
        if (lookedAfter
                && placingAuthority == null
                && childPlacingAuthority == null
                && !present(JsonFields.at(body, "placingAuthority"))) {
            fields.problem("placingAuthority", "Enter the placing authority of a looked-after child");
        }
        if (outOfArea && !lookedAfter) {
            fields.problem(
                    "outOfArea",
                    "Only a looked-after child's placement can be out of area: give the placing authority");
        }
        OffsetDateTime returnedAt = fields.dateTime(body, "returnedAt", "returnedAt", false);
        if (returnedAt != null) {
            if (missingSince != null && returnedAt.toInstant().isBefore(missingSince.toInstant())) {
                fields.problem(
                        "returnedAt", "The return must not be before the time the child was last seen (missingSince)");
            } else if (returnedAt.toInstant().isAfter(now.plus(MissingEpisodes.CLOCK_SKEW))) {
                fields.problem("returnedAt", "The return must not be in the future");
            }
        }
        fields.throwIfProblems();
        return new NewMissingReport(
                child,
                existing == null ? null : existing.caseId(),
                missingSince.toInstant(),
                policeReference,
                policeRisk,
                episodeType,
                placingAuthority == null ? childPlacingAuthority : placingAuthority,
                outOfArea,
                returnedAt == null ? null : returnedAt.toInstant());
    }

    private static boolean present(JsonNode node) {
        return node != null
                && !node.isNull()
                && !(node.isTextual() && node.asText().isBlank());
    }
}
