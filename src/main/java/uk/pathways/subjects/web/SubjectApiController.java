package uk.pathways.subjects.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.audit.AuditEntry;
import uk.pathways.subjects.NewSubject;
import uk.pathways.subjects.Subject;
import uk.pathways.subjects.SubjectFile;
import uk.pathways.subjects.Subjects;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.JsonFields;

/**
 * {@code /api/subjects}: persons, locations and vehicles of concern, their links to children's cases and to each
 * other, and raising the concern to high, within need to know (ADR 15). Every read, change and refusal is audited.
 */
@RestController
@RequestMapping("/api/subjects")
@Tag(
        name = "Subjects of concern",
        description = "Persons (police only), locations and vehicles of concern linked to children's cases and to each"
                + " other; every read and refusal is audited")
class SubjectApiController {

    static final String PROBLEM = "application/problem+json";
    private static final Set<String> SUBJECT_FIELDS = Set.of(
            "kind",
            "category",
            "label",
            "description",
            "district",
            "latitude",
            "longitude",
            "policeOnly",
            "caseId",
            "reason");
    private static final Set<String> LINK_FIELDS = Set.of("caseId", "subjectId", "reason");
    private static final Set<String> ESCALATION_FIELDS = Set.of("reason");

    private final Subjects subjects;

    SubjectApiController(Subjects subjects) {
        this.subjects = subjects;
    }

    @Operation(
            summary = "Record a subject of concern",
            description = """
                    A person (police only; police-only by default), a location (district, optional coordinates) or a \
                    vehicle (the registration, kept upper case without spaces). Any agency involved in a case may \
                    record a location or vehicle from that case (`caseId` and `reason` link it); the police may record \
                    without a case. Audited.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = SubjectRequest.class))))
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; `Location` is the subject",
            content = @Content(schema = @Schema(implementation = Subject.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A field missing or wrong (each named); nothing recorded",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "A person by anyone but the police, a caller of no agency, or a case the caller's agency is"
                    + " not involved in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<Subject> record(@RequestBody JsonNode body, Principal principal) {
        JsonFields fields = fieldsOf(
                body,
                SUBJECT_FIELDS,
                "kind, category, label, description, district, latitude," + " longitude, policeOnly, caseId, reason");
        NewSubject input = new NewSubject(
                fields.text(body, "kind", "kind", false, 100_000),
                fields.text(body, "category", "category", false, 100_000),
                fields.text(body, "label", "label", false, 100_000),
                fields.text(body, "description", "description", false, 100_000),
                fields.text(body, "district", "district", false, 100_000),
                number(fields, body, "latitude"),
                number(fields, body, "longitude"),
                fields.bool(body, "policeOnly", "policeOnly").orElse(null),
                fields.text(body, "caseId", "caseId", false, 100_000),
                fields.text(body, "reason", "reason", false, 100_000));
        fields.throwIfProblems();
        Subject subject = subjects.record(input, principal.getName(), AuditEntry.DOOR_API);
        return ResponseEntity.created(URI.create("/api/subjects/" + subject.subjectId()))
                .body(subject);
    }

    @Operation(summary = "Read a subject of concern", description = """
                    The subject, its links to children's cases (each child's display name), its associated subjects \
                    and each raising of its concern. A police-only subject is for the police alone; other agencies \
                    see only the links to cases their agency is involved in. Audited.""")
    @ApiResponse(
            responseCode = "200",
            description = "The subject",
            content = @Content(schema = @Schema(implementation = SubjectFile.class)))
    @ApiResponse(
            responseCode = "403",
            description = "A police-only subject and the caller is not police, or a caller of no agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such subject",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/{subjectId}", produces = "application/json")
    SubjectFile get(@PathVariable String subjectId, Principal principal) {
        return subjects.read(subjectId, principal.getName(), AuditEntry.DOOR_API);
    }

    @Operation(summary = "Find subjects of concern", description = """
                    By label (a name, an address, a registration with or without spaces), kind and district, newest \
                    first, at most 100; police-only subjects for the police alone. Audited with the terms.""")
    @ApiResponse(
            responseCode = "200",
            description = "The subjects found, perhaps none",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Subject.class))))
    @ApiResponse(
            responseCode = "400",
            description = "A kind not PERSON, LOCATION or VEHICLE, or a search text too long",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "A caller of no agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(produces = "application/json")
    List<Subject> find(
            @Parameter(description = "Part of the label") @RequestParam(required = false) String q,
            @Parameter(description = "PERSON, LOCATION or VEHICLE") @RequestParam(required = false) String kind,
            @Parameter(description = "The district") @RequestParam(required = false) String district,
            Principal principal) {
        return subjects.search(q, kind, district, principal.getName(), AuditEntry.DOOR_API);
    }

    @Operation(
            summary = "Link a subject to a child's case or to another subject",
            description = """
                    Exactly one of `caseId` (a case the caller's agency is involved in) and `subjectId` (an \
                    association, for the police), with the reason. Audited.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = LinkRequest.class))))
    @ApiResponse(
            responseCode = "201",
            description = "Linked; the subject as the caller now sees it",
            content = @Content(schema = @Schema(implementation = SubjectFile.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No reason, neither or both of `caseId` and `subjectId`, or no such other subject",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller may not read the subject, is not involved in the case, or links two subjects"
                    + " without being police",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such subject or case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "Already linked",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{subjectId}/links", consumes = "application/json", produces = "application/json")
    ResponseEntity<SubjectFile> link(@PathVariable String subjectId, @RequestBody JsonNode body, Principal principal) {
        JsonFields fields = fieldsOf(body, LINK_FIELDS, "caseId or subjectId, and reason");
        String caseId = fields.text(body, "caseId", "caseId", false, 100);
        String other = fields.text(body, "subjectId", "subjectId", false, 100);
        String reason = fields.text(body, "reason", "reason", false, 100_000);
        if (caseId != null && other != null) {
            fields.problem("caseId", "Link to a case or to another subject, not both");
        }
        fields.throwIfProblems();
        if (other != null) {
            subjects.associate(subjectId, other, reason, principal.getName(), AuditEntry.DOOR_API);
        } else {
            subjects.linkToCase(subjectId, caseId, reason, principal.getName(), AuditEntry.DOOR_API);
        }
        return ResponseEntity.created(URI.create("/api/subjects/" + subjectId))
                .body(subjects.read(subjectId, principal.getName(), AuditEntry.DOOR_API));
    }

    @Operation(
            summary = "Raise a subject's concern to high",
            description = "With the reason; the exploitation panel's agenda lists it. Audited.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = EscalationRequest.class))))
    @ApiResponse(
            responseCode = "200",
            description = "Raised; the subject as the caller now sees it",
            content = @Content(schema = @Schema(implementation = SubjectFile.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No reason, or one over 1,000 characters",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller may not read the subject",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such subject",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The concern is already high",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{subjectId}/escalation", consumes = "application/json", produces = "application/json")
    SubjectFile escalate(@PathVariable String subjectId, @RequestBody JsonNode body, Principal principal) {
        JsonFields fields = fieldsOf(body, ESCALATION_FIELDS, "reason");
        String reason = fields.text(body, "reason", "reason", false, 100_000);
        fields.throwIfProblems();
        subjects.escalate(subjectId, reason, principal.getName(), AuditEntry.DOOR_API);
        return subjects.read(subjectId, principal.getName(), AuditEntry.DOOR_API);
    }

    /** A body must be an object of these fields only (each other one named). */
    private static JsonFields fieldsOf(JsonNode body, Set<String> allowed, String names) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "The body must be an object: " + names)));
        }
        JsonFields fields = new JsonFields();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                fields.problem(name, "Not a field here (" + names + ")");
            }
        }
        return fields;
    }

    private static BigDecimal number(JsonFields fields, JsonNode body, String name) {
        JsonNode node = JsonFields.at(body, name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            fields.problem(name, "The " + name + " must be a number, like 52.2405");
            return null;
        }
        return node.decimalValue();
    }

    @Schema(name = "SubjectRequest")
    record SubjectRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"PERSON", "LOCATION", "VEHICLE"})
            String kind,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "PERSON: SUSPECT, ASSOCIATE; LOCATION: ADDRESS, HOTEL, TAKEAWAY, PARK, OTHER;"
                            + " VEHICLE: CAR, TAXI, OTHER")
            String category,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 200,
                    example = "Synthetic Takeaway, 1 Example Street",
                    description = "A person's name or street name, a place's name or address, a vehicle's registration")
            String label,

            @Schema(maxLength = 2000, description = "What is known (a vehicle's make and colour, for one)")
            String description,

            @Schema(maxLength = 100, example = "Corby") String district,

            @Schema(description = "A location's latitude, with its longitude", example = "52.4914")
            BigDecimal latitude,

            @Schema(description = "A location's longitude, with its latitude", example = "-0.6880")
            BigDecimal longitude,

            @Schema(description = "For the police alone; the police only may set it (default: true for a person)")
            Boolean policeOnly,

            @Schema(
                    description = "The child's case it was recorded from (required for agencies other than the police)",
                    example = "CASE-2026-000123")
            String caseId,

            @Schema(maxLength = 500, description = "Why it is linked to the case (with caseId)")
            String reason) {}

    @Schema(name = "SubjectLinkRequest")
    record LinkRequest(
            @Schema(description = "A child's case (or subjectId)", example = "CASE-2026-000123")
            String caseId,

            @Schema(description = "Another subject: an association (or caseId)", example = "SUB-000042")
            String subjectId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500)
            String reason) {}

    @Schema(name = "SubjectEscalationRequest")
    record EscalationRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 1000,
                    description = "Why the concern is now high")
            String reason) {}
}
