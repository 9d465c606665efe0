package uk.pathways.retention.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.retention.LegalHold;
import uk.pathways.retention.Retention;
import uk.pathways.retention.RetentionReport;
import uk.pathways.retention.RetentionRun;
import uk.pathways.retention.Tombstone;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * Retention for a data protection officer (through a system administrator's account): the dry-run report of what the
 * schedule says is due, the job's runs, the tombstones of what went, and legal holds on cases.
 */
@RestController
@Tag(name = "Retention")
class RetentionApiController {

    private final Retention retention;
    private final DataProtectionOfficer officer;
    private final Actors actors;

    RetentionApiController(Retention retention, DataProtectionOfficer officer, Actors actors) {
        this.retention = retention;
        this.officer = officer;
        this.actors = actors;
    }

    /** A legal hold's reason: why the case must be kept (litigation, an inquiry, a review). */
    record HoldRequest(
            @Schema(example = "Synthetic: a civil claim has been notified")
            String reason) {}

    @Operation(
            summary = "The dry-run report: what the retention schedule says is due",
            description = "The closed cases due on the day (erased that night if erasure is on), those due but under"
                    + " a legal hold, and the audit rows past the trail's period. Today unless asOf is given.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(
            responseCode = "400",
            description = "asOf is not a date (yyyy-mm-dd)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/retention/report")
    RetentionReport report(
            @Parameter(description = "The day to report for (yyyy-mm-dd), today by default", example = "2027-01-31")
                    @RequestParam(required = false)
                    String asOf,
            Principal principal) {
        officer.check(principal);
        return retention.report(day(asOf));
    }

    @Operation(summary = "The retention job's latest runs, newest first")
    @ApiResponse(responseCode = "200", description = "The runs")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/retention/runs")
    List<RetentionRun> runs(Principal principal) {
        officer.check(principal);
        return retention.runs(50);
    }

    @Operation(
            summary = "Tombstones of erased records, newest first",
            description = "What class of record went, when, under which rule and how many rows: no personal data.")
    @ApiResponse(responseCode = "200", description = "The tombstones")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/retention/tombstones")
    List<Tombstone> tombstones(Principal principal) {
        officer.check(principal);
        return retention.tombstones(200);
    }

    @Operation(summary = "A case's legal hold, if it has one")
    @ApiResponse(responseCode = "200", description = "The hold")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case, or no hold on it",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/cases/{caseId}/legal-hold")
    LegalHold hold(@PathVariable String caseId, Principal principal) {
        officer.check(principal);
        return retention.hold(caseId).orElseThrow(() -> new NoSuchElementException("No legal hold on " + caseId));
    }

    @Operation(
            summary = "Place a legal hold on a case",
            description = "The case is kept whatever the schedule says until the hold is lifted. Audited.")
    @ApiResponse(responseCode = "200", description = "The hold")
    @ApiResponse(
            responseCode = "400",
            description = "No reason given",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @PutMapping("/api/cases/{caseId}/legal-hold")
    LegalHold place(@PathVariable String caseId, @RequestBody(required = false) HoldRequest body, Principal principal) {
        officer.check(principal);
        String reason = reason(body == null ? null : body.reason());
        return retention.placeHold(
                caseId,
                reason,
                principal.getName(),
                actors.of(principal.getName(), List.of()).agency());
    }

    @Operation(summary = "Lift a case's legal hold, with the reason", description = "Audited.")
    @ApiResponse(responseCode = "204", description = "Lifted")
    @ApiResponse(
            responseCode = "400",
            description = "No reason given",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case, or no hold on it",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @DeleteMapping("/api/cases/{caseId}/legal-hold")
    ResponseEntity<Void> lift(
            @PathVariable String caseId,
            @Parameter(description = "Why the hold is lifted", example = "Synthetic: the claim was withdrawn")
                    @RequestParam(required = false)
                    String reason,
            Principal principal) {
        officer.check(principal);
        if (!retention.liftHold(
                caseId,
                reason(reason),
                principal.getName(),
                actors.of(principal.getName(), List.of()).agency())) {
            throw new NoSuchElementException("No legal hold on " + caseId);
        }
        return ResponseEntity.noContent().build();
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "Give the reason")));
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "Keep the reason to 1000 characters")));
        }
        return reason.strip();
    }

    private static LocalDate day(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return Now.today();
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem("asOf", "Give the day as yyyy-mm-dd")));
        }
    }
}
