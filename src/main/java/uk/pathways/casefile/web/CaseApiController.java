package uk.pathways.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseSearch;
import uk.pathways.casefile.CaseView;
import uk.pathways.casefile.CaseViews;
import uk.pathways.web.JsonFields;

/** {@code /api/cases} (contract section 6): the case as one story, for the agencies involved; search; access requests. */
@RestController
@RequestMapping("/api/cases")
@Tag(
        name = "Cases",
        description = "The case as one story, for the agencies involved (contract sections 6, 8 and 9); "
                + "every read and refusal is audited")
class CaseApiController {

    static final String PROBLEM = "application/problem+json";

    private final CaseViews views;
    private final CaseAccess access;
    private final CaseSearch search;

    CaseApiController(CaseViews views, CaseAccess access, CaseSearch search) {
        this.views = views;
        this.access = access;
        this.search = search;
    }

    @Operation(summary = "Read a case", description = """
            The child, status, risk level, pathway, stage, open tasks, referrals, missing episodes, decisions, chronology \
            and `record` (what practitioners recorded, newest first; entries restricted to other agencies left out). \
            Only agencies involved in the case may read it.""")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(
            responseCode = "403",
            description = "The caller's agency is not involved: `involvedAgencies` and `leadAgency` say whom to call",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/NotInvolved")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/{caseId}", produces = "application/json")
    CaseView get(@PathVariable String caseId, Principal principal) {
        access.checkRead(principal.getName(), caseId, "API", "case view");
        return views.view(caseId, principal.getName()).orElseThrow();
    }

    /** Name, date of birth and involved agencies only; {@code mayRead} says whether the full case is open to the caller. */
    @Operation(summary = "Find cases", description = """
            By name, date of birth or reference (at least one). Answers only name, date of birth and involved agencies; \
            `mayRead` says whether the full case is open to the caller (otherwise ask for access).""")
    @ApiResponse(
            responseCode = "200",
            description = "The cases found, perhaps none",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = CaseFound.class))))
    @ApiResponse(
            responseCode = "400",
            description = "No name, date of birth or reference, or a date of birth not YYYY-MM-DD",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @GetMapping(produces = "application/json")
    List<Map<String, Object>> find(
            @Parameter(description = "The child's first or last name, or both") @RequestParam(required = false)
                    String name,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String dateOfBirth,
            @Parameter(description = "A case, referral or missing episode reference") @RequestParam(required = false)
                    String reference,
            Principal principal) {
        JsonFields fields = new JsonFields();
        LocalDate dob = null;
        if (dateOfBirth != null && !dateOfBirth.isBlank()) {
            try {
                dob = LocalDate.parse(dateOfBirth.strip());
            } catch (java.time.format.DateTimeParseException e) {
                fields.problem("dateOfBirth", "Date of birth must be a real date, written YYYY-MM-DD");
            }
        }
        if ((name == null || name.isBlank())
                && dob == null
                && (reference == null || reference.isBlank())
                && !fields.hasProblems()) {
            fields.problem("name", "Enter a name, a date of birth or a reference");
        }
        fields.throwIfProblems();
        return search.find(principal.getName(), "API", name, dob, reference).stream()
                .map(f -> Map.<String, Object>of(
                        "caseId",
                        f.caseId(),
                        "firstName",
                        f.firstName(),
                        "lastName",
                        f.lastName(),
                        "dateOfBirth",
                        f.dateOfBirth().toString(),
                        "involvedAgencies",
                        f.involvedAgencies(),
                        "mayRead",
                        access.mayRead(principal.getName(), f.caseId())))
                .toList();
    }

    @Operation(
            summary = "Ask for access to a case",
            description = """
            For an agency not (yet) involved: a manager of an involved agency grants it, which makes the caller's \
            agency involved.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = AccessRequest.class))))
    @ApiResponse(
            responseCode = "201",
            description = "Asked; `Location` is the request",
            content = @Content(schema = @Schema(implementation = AccessRequestStatus.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No reason, or one over 1,000 characters",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a member of an agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{caseId}/access-requests", consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> requestAccess(
            @PathVariable String caseId, @RequestBody JsonNode body, Principal principal) {
        JsonFields fields = new JsonFields();
        String reason = fields.text(body, "reason", "reason", true, 1000);
        fields.throwIfProblems();
        long id = access.requestAccess(caseId, principal.getName(), reason);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/access-requests/" + id))
                .body(Map.of("id", id, "status", "PENDING"));
    }

    @Operation(
            summary = "Grant an access request",
            description = "For a manager of an agency involved in the case; " + "the asking agency becomes involved.")
    @ApiResponse(
            responseCode = "200",
            description = "Granted",
            content = @Content(schema = @Schema(implementation = AccessRequestStatus.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a manager of an agency involved in the case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such access request on the case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The request was already decided",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{caseId}/access-requests/{id}/grant", produces = "application/json")
    Map<String, Object> grant(@PathVariable String caseId, @PathVariable long id, Principal principal) {
        access.grantAccess(caseId, id, principal.getName());
        return Map.of("id", id, "status", "GRANTED");
    }

    @Schema(name = "CaseFound")
    record CaseFound(
            String caseId,
            String firstName,
            String lastName,
            @Schema(format = "date") String dateOfBirth,
            List<String> involvedAgencies,

            @Schema(description = "Whether the caller may read the full case")
            boolean mayRead) {}

    @Schema(name = "AccessRequest")
    record AccessRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 1000,
                    description = "Why the caller's agency needs the case")
            String reason) {}

    @Schema(name = "AccessRequestStatus")
    record AccessRequestStatus(
            long id,

            @Schema(allowableValues = {"PENDING", "GRANTED"})
            String status) {}
}
