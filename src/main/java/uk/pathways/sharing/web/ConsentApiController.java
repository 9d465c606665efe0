package uk.pathways.sharing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.sharing.ConsentPosition;
import uk.pathways.sharing.SharingConsent;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.JsonFields;

/**
 * {@code GET} and {@code POST /api/cases/{caseId}/consent}: the case's consent position for sharing, for its lead
 * agency and that agency's managers (and, to read, system administrators). A position is added to the history, never
 * overwritten; the newest applies to every share from the moment it is recorded. Every read, write and refusal is
 * audited.
 */
@RestController
@Tag(name = "Cases")
class ConsentApiController {

    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> FIELDS = Set.of("position", "from", "date", "reason");

    private final SharingConsent consent;
    private final CaseAccess access;

    ConsentApiController(SharingConsent consent, CaseAccess access) {
        this.consent = consent;
        this.access = access;
    }

    /** The position in force and every position recorded. */
    @Schema(name = "CaseConsent")
    record CaseConsent(
            String caseId,

            @Schema(
                    description = "The position in force: the newest recorded, or (recorded false) the deployment's"
                            + " configured position, in words")
            ConsentPosition inForce,

            @Schema(description = "Every position recorded, newest first")
            List<ConsentPosition> history) {}

    @Schema(name = "ConsentRequest")
    record ConsentRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"GIVEN", "REFUSED", "NOT_SOUGHT"},
                    description = "Sought and given, sought and refused, or not sought")
            String position,

            @Schema(
                    allowableValues = {"YOUNG_PERSON", "PARENT_OR_CARER", "BOTH"},
                    description = "Whose consent was sought; required when GIVEN or REFUSED (when NOT_SOUGHT,"
                            + " whose was not, if named)")
            String from,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "date",
                    example = "2026-12-02",
                    description = "The day consent was sought, or it was decided not to seek it; not in the"
                            + " future, not before the child's birth")
            String date,

            @Schema(
                    maxLength = 1000,
                    example = "Synthetic: seeking consent would place the child at risk of significant harm",
                    description = "Why information is shared without consent: required when REFUSED or" + " NOT_SOUGHT")
            String reason) {}

    @Operation(
            summary = "The case's consent position for sharing, and its history",
            description = "For the lead agency, its managers and system administrators. `inForce` is what every share"
                    + " made now records. Audited.")
    @ApiResponse(
            responseCode = "200",
            description = "The position in force and every position recorded",
            content = @Content(schema = @Schema(implementation = CaseConsent.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not of the case's lead agency or its managers (or an administrator)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/NotInvolved")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/api/cases/{caseId}/consent", produces = "application/json")
    CaseConsent get(@PathVariable String caseId, Principal principal) {
        access.checkLeadRead(principal.getName(), caseId, "API", SharingConsent.RESOURCE);
        List<ConsentPosition> history = consent.history(caseId);
        return new CaseConsent(caseId, consent.inForce(caseId, history), history);
    }

    @Operation(
            summary = "Record the case's consent position for sharing",
            description = "For the lead agency and its managers. Added to the history (nothing is overwritten); every"
                    + " share from now on records it. Audited.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ConsentRequest.class))))
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; `Location` is the case's consent",
            content = @Content(schema = @Schema(implementation = ConsentPosition.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A field missing or wrong (each named); nothing recorded",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not of the case's lead agency or its managers",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/NotInvolved")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/api/cases/{caseId}/consent", consumes = "application/json", produces = "application/json")
    ResponseEntity<ConsentPosition> record(
            @PathVariable String caseId, @RequestBody JsonNode body, Principal principal) {
        consent.checkMayRecord(caseId, principal.getName(), "API");
        JsonFields fields = new JsonFields();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("body", "The body must be an object: position, from, date, reason")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                fields.problem(name, "Not a field of a consent position (position, from, date, reason)");
            }
        }
        String position = fields.text(body, "position", "position", false, 40);
        String from = fields.text(body, "from", "from", false, 40);
        LocalDate date = fields.date(body, "date", "date", false);
        String reason = fields.text(body, "reason", "reason", false, 100_000);
        List<FieldProblem> problems = new ArrayList<>(fields.problems());
        SharingConsent.NewConsent input = new SharingConsent.NewConsent(position, from, date, reason);
        for (FieldProblem p : consent.problems(caseId, input)) {
            boolean named = problems.stream().anyMatch(q -> q.field().equals(p.field()));
            if (!named) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ConsentPosition recorded = consent.record(caseId, input, principal.getName(), "API");
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/consent"))
                .body(recorded);
    }
}
