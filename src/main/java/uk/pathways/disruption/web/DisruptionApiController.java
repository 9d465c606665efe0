package uk.pathways.disruption.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditEntry;
import uk.pathways.disruption.Disruption;
import uk.pathways.disruption.DisruptionAccess;
import uk.pathways.disruption.DisruptionReport;
import uk.pathways.disruption.Disruptions;
import uk.pathways.disruption.HalfYear;
import uk.pathways.disruption.NewDisruption;
import uk.pathways.web.JsonFields;

/**
 * {@code /api/disruptions}: the disruption register for the police (record an entry, add a breach, record the outcome,
 * read entries) and the six-monthly disruption report's figures. Bad input is 400 problem+json naming each field and
 * changes nothing; anyone but the police is refused (403), the report excepted (the performance group reads it with
 * small numbers suppressed). Every read is audited.
 */
@RestController
@RequestMapping("/api/disruptions")
@Tag(
        name = "Disruption register",
        description = "Disruption tactics served on subjects of concern, their breaches and outcomes, and the "
                + "six-monthly disruption report (police; the report also for performance)")
class DisruptionApiController {

    static final String PROBLEM = "application/problem+json";

    private final Disruptions disruptions;
    private final DisruptionAccess access;
    private final DisruptionReport report;
    private final Actors actors;

    DisruptionApiController(Disruptions disruptions, DisruptionAccess access, DisruptionReport report, Actors actors) {
        this.disruptions = disruptions;
        this.access = access;
        this.report = report;
        this.actors = actors;
    }

    /** An entry as recorded: what {@code POST /api/disruptions} takes. */
    record EntryRequest(
            @Schema(description = "A tactic code of pathways.disruption.tactics", example = "CAWN")
            String tactic,

            @Schema(description = "The subject of concern it was served on", example = "SUB-000123")
            String subjectId,

            @Schema(description = "The children's cases it protects (optional)")
            List<String> caseIds,

            @Schema(description = "The district (optional: the subject's by default)", example = "Corby")
            String district,

            @Schema(description = "The agency that served it", example = "police")
            String servedBy,

            @Schema(description = "The day it was served (not in the future)", example = "2026-11-02")
            String servedOn,

            @Schema(description = "The day it expires: required for a tactic that expires", example = "2028-11-01")
            String expiresOn) {}

    @Operation(
            summary = "Record a disruption tactic served on a subject",
            description = "Starts the entry's clocks: a review task for the police on its review day (the tactic's "
                    + "review period after serving) and, for a tactic that expires, an expiry task before its expiry.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = EntryRequest.class))))
    @ApiResponse(responseCode = "201", description = "Recorded; `Location` is the entry")
    @ApiResponse(
            responseCode = "400",
            description = "Bad input, each bad field named (`tactic`, `subjectId`, `caseIds[0]`, `servedOn`, "
                    + "`expiresOn`, ...); nothing is recorded",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "Not the police",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> record(@RequestBody JsonNode body, Principal principal) {
        access.checkRegister(principal.getName());
        JsonFields fields = new JsonFields();
        List<String> caseIds = new ArrayList<>();
        JsonNode cases = JsonFields.at(body, "caseIds");
        if (cases != null && !cases.isNull()) {
            if (!cases.isArray()) {
                fields.problem("caseIds", "The cases it protects must be a list of case ids");
            } else {
                for (int i = 0; i < cases.size(); i++) {
                    if (!cases.get(i).isTextual()) {
                        fields.problem("caseIds[" + i + "]", "A case id must be text");
                    } else {
                        caseIds.add(cases.get(i).asText());
                    }
                }
            }
        }
        NewDisruption input = new NewDisruption(
                fields.text(body, "tactic", "tactic", false, 30),
                fields.text(body, "subjectId", "subjectId", false, 20),
                caseIds,
                fields.text(body, "district", "district", false, 100),
                fields.text(body, "servedBy", "servedBy", false, 100),
                fields.text(body, "servedOn", "servedOn", false, 30),
                fields.text(body, "expiresOn", "expiresOn", false, 30));
        fields.throwIfProblems();
        Disruption entry = disruptions.record(input, police(principal), AuditEntry.DOOR_API);
        return ResponseEntity.created(URI.create("/api/disruptions/" + entry.id()))
                .body(DisruptionView.of(entry, disruptions.properties()));
    }

    @Operation(summary = "The register, newest served first", description = "At most 500 entries.")
    @ApiResponse(responseCode = "200", description = "The entries (without their breaches and reviews)")
    @ApiResponse(
            responseCode = "403",
            description = "Not the police",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(produces = "application/json")
    List<Map<String, Object>> list(
            @RequestParam(defaultValue = "false") boolean inForce,
            @RequestParam(defaultValue = "100") int limit,
            Principal principal) {
        access.checkRegister(principal.getName());
        Actor reader = police(principal);
        return disruptions.list(inForce, limit, reader.userId(), reader.agency(), AuditEntry.DOOR_API).stream()
                .map(d -> DisruptionView.of(d, disruptions.properties()))
                .toList();
    }

    @Operation(summary = "Read an entry with its breaches, reviews and outcome")
    @ApiResponse(responseCode = "200", description = "The entry")
    @ApiResponse(
            responseCode = "403",
            description = "Not the police (an entry on a police-only subject is the police's only)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such entry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/{id}", produces = "application/json")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        access.checkRegister(principal.getName());
        Disruption entry = readable(id, principal);
        Actor reader = police(principal);
        disruptions.read(entry, reader.userId(), reader.agency(), AuditEntry.DOOR_API);
        return DisruptionView.of(entry, disruptions.properties());
    }

    /** A breach: what {@code POST /api/disruptions/{id}/breaches} takes. */
    record BreachRequest(
            @Schema(description = "The day it happened", example = "2026-11-20")
            String breachedOn,

            @Schema(description = "What happened (up to 2000 characters)")
            String note) {}

    @Operation(
            summary = "Add a breach to an entry",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = BreachRequest.class))))
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(
            responseCode = "400",
            description = "Bad input (`breachedOn`, `note`); nothing is added",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "Not the police",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such entry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{id}/breaches", consumes = "application/json", produces = "application/json")
    ResponseEntity<Disruption.Breach> breach(@PathVariable String id, @RequestBody JsonNode body, Principal principal) {
        access.checkRegister(principal.getName());
        Disruption entry = readable(id, principal);
        JsonFields fields = new JsonFields();
        String on = fields.text(body, "breachedOn", "breachedOn", false, 30);
        String note = fields.text(body, "note", "note", false, 2000);
        fields.throwIfProblems();
        Disruption.Breach breach = disruptions.addBreach(entry.id(), on, note, police(principal), AuditEntry.DOOR_API);
        return ResponseEntity.created(URI.create("/api/disruptions/" + entry.id()))
                .body(breach);
    }

    /** The outcome: what {@code POST /api/disruptions/{id}/outcome} takes. */
    record OutcomeRequest(
            @Schema(description = "COMPLIED, BREACHED_AND_CHARGED, LAPSED or REVOKED")
            String outcome,

            @Schema(description = "The day it ended", example = "2027-02-01")
            String outcomeOn,

            @Schema(description = "How it ended (optional, up to 4000 characters)")
            String notes) {}

    @Operation(
            summary = "Record an entry's outcome",
            description = "The entry ends and its review and expiry clocks stop.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = OutcomeRequest.class))))
    @ApiResponse(responseCode = "200", description = "The entry, ended")
    @ApiResponse(
            responseCode = "400",
            description =
                    "Bad input (`outcome`, `outcomeOn`, `notes`), or the entry had ended already; nothing " + "changes",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "Not the police",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such entry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{id}/outcome", consumes = "application/json", produces = "application/json")
    Map<String, Object> outcome(@PathVariable String id, @RequestBody JsonNode body, Principal principal) {
        access.checkRegister(principal.getName());
        Disruption entry = readable(id, principal);
        JsonFields fields = new JsonFields();
        String outcome = fields.text(body, "outcome", "outcome", false, 30);
        String on = fields.text(body, "outcomeOn", "outcomeOn", false, 30);
        String notes = fields.text(body, "notes", "notes", false, 4000);
        fields.throwIfProblems();
        return DisruptionView.of(
                disruptions.end(entry.id(), outcome, on, notes, police(principal), AuditEntry.DOOR_API),
                disruptions.properties());
    }

    @Operation(
            summary = "The six-monthly disruption report",
            description = "For a half of the financial year (`half` 1: April to September, 2: October to March of "
                    + "the financial year starting in `year`): entries served by tactic, district and agency, "
                    + "breaches, and entries ended by outcome. The performance group sees counts from 1 to 4 as "
                    + "\"fewer than 5\".")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiResponse(
            responseCode = "400",
            description = "Bad `year` or `half`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "Neither the police nor the performance group",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/report", produces = "application/json")
    Map<String, Object> report(@RequestParam String year, @RequestParam String half, Principal principal) {
        var figures = report.figuresFor(principal.getName());
        return report.compute(HalfYear.parse(year, half), figures);
    }

    private Disruption readable(String id, Principal principal) {
        Disruption entry = disruptions.find(id).orElseThrow(() -> new NoSuchElementException("No entry " + id));
        access.checkRead(principal.getName(), entry);
        return entry;
    }

    private Actor police(Principal principal) {
        return actors.of(principal.getName(), List.of(Agency.POLICE.groupId()));
    }
}
