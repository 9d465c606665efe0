package uk.pathways.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis} (the period's figures), {@code GET /api/kpis/today} (an agency manager's day) and
 * {@code GET /api/reports/quarterly} (the board's joint report as CSV). See docs/kpis.md.
 */
@RestController
@Tag(
        name = "Dashboards",
        description = "The partnership's figures, for agency managers, administrators and the "
                + "performance group (small numbers suppressed for the last; docs/kpis.md)")
class KpiApiController {

    private final Kpis kpis;
    private final Today today;
    private final QuarterlyReport quarterly;
    private final KpiAccess access;

    KpiApiController(Kpis kpis, Today today, QuarterlyReport quarterly, KpiAccess access) {
        this.kpis = kpis;
        this.today = today;
        this.quarterly = quarterly;
        this.access = access;
    }

    @Operation(
            summary = "The period's figures",
            description = "Open cases by stage and risk, overdue tasks, escalations, "
                    + "referrals by month, timeliness, missing children, closures, disruption, outcome wheels, problem profile; "
                    + "each figure as in docs/kpis.md.")
    @ApiResponse(responseCode = "200", description = "The figures (an object keyed by figure; docs/kpis.md)")
    @ApiResponse(
            responseCode = "400",
            description = "A bad `from`, `to` (YYYY-MM-DD, at most 10 years), `district` or `agency`",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is neither an agency manager nor in the performance group",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> kpis(
            @Parameter(description = "First day, YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(description = "Last day, YYYY-MM-DD") @RequestParam(required = false) String to,
            @RequestParam(required = false) String district,
            @Parameter(description = "An agency id (contract section 1)") @RequestParam(required = false) String agency,
            Principal principal) {
        Figures figures = access.figuresFor(principal.getName());
        return kpis.compute(KpiPeriod.parse(from, to, district, agency), figures);
    }

    @Operation(
            summary = "An agency manager's day",
            description = "Open cases by stage and risk, overdue and escalated tasks, "
                    + "unallocated work, caseload by worker and quiet cases for one agency (docs/kpis.md).")
    @ApiResponse(responseCode = "200", description = "The day (an object keyed by figure; docs/kpis.md)")
    @ApiResponse(
            responseCode = "400",
            description = "No `agency` for a caller who manages none, or an unknown agency id",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller may not see the dashboards, or not that agency's day",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/api/kpis/today", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> today(@RequestParam(required = false) String agency, Principal principal) {
        Figures figures = access.figuresFor(principal.getName());
        return today.of(access.todayAgencyFor(principal.getName(), agency), figures);
    }

    @Operation(
            summary = "The board's quarterly report (CSV)",
            description = "The partnership board's joint report for one " + "calendar quarter as CSV (docs/kpis.md).")
    @ApiResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "A `year` not 2000 to 2100 or a `quarter` not 1 to 4",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is neither an agency manager nor in the performance group",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(
            value = "/api/reports/quarterly",
            produces = {"text/csv", MediaType.ALL_VALUE})
    ResponseEntity<String> quarterly(
            @RequestParam(required = false) String year,
            @Parameter(description = "1 (January to March) to 4") @RequestParam(required = false) String quarter,
            Principal principal) {
        Figures figures = access.figuresFor(principal.getName());
        KpiPeriod period = KpiPeriod.quarter(year, quarter);
        String csv = quarterly.csv(period, figures);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pathways-" + year.strip() + "-q" + quarter.strip() + ".csv\"")
                .body(csv);
    }
}
