package uk.pathways.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.audit.AuditEntry;

/** {@code GET /api/profile} (the problem profile with its map's points) and {@code GET /api/reports/problem-profile} (CSV). */
@RestController
@Tag(
        name = "Problem profile",
        description = "Where, who, when and how of child exploitation over twelve months, for the police and the "
                + "performance group (small numbers suppressed for the latter; docs/kpis.md)")
class ProfileApiController {

    private final ProblemProfile profile;
    private final ProfileAccess access;

    ProfileApiController(ProblemProfile profile, ProfileAccess access) {
        this.profile = profile;
        this.access = access;
    }

    @Operation(
            summary = "The problem profile",
            description = "The twelve months to `to`: where (children by district, locations of concern by district and"
                    + " kind), who (children by age band, gender, looked after; subjects by kind), when (by month),"
                    + " how (indicators and exploitation type at screening), and `locations` for the map: named for the"
                    + " police, areas of about a kilometre for the performance group (docs/kpis.md).")
    @ApiResponse(responseCode = "200", description = "The profile (an object keyed by figure; docs/kpis.md)")
    @ApiResponse(
            responseCode = "400",
            description = "A `to` that is not a month YYYY-MM",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is neither police nor in the performance group",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/api/profile", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> profile(
            @Parameter(description = "The last month of the twelve, YYYY-MM (default: this month)")
                    @RequestParam(required = false)
                    String to,
            Principal principal) {
        ProfileAccess.Reader reader = access.readerFor(principal.getName(), AuditEntry.DOOR_API, "to " + to);
        ProblemProfile.Period period = ProblemProfile.Period.parse(to);
        Map<String, Object> out = new LinkedHashMap<>(profile.compute(period, reader.figures()));
        out.put("locations", profile.locations(period, reader.figures(), reader.police()));
        return out;
    }

    @Operation(summary = "The problem profile as CSV", description = "One row per figure (docs/kpis.md).")
    @ApiResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "A `to` that is not a month YYYY-MM",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is neither police nor in the performance group",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(
            value = "/api/reports/problem-profile",
            produces = {"text/csv", MediaType.ALL_VALUE})
    ResponseEntity<String> csv(@RequestParam(required = false) String to, Principal principal) {
        ProfileAccess.Reader reader = access.readerFor(principal.getName(), AuditEntry.DOOR_API, "CSV, to " + to);
        ProblemProfile.Period period = ProblemProfile.Period.parse(to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pathways-problem-profile-" + period.last() + ".csv\"")
                .body(ProfilePages.csv(profile.compute(period, reader.figures()), period));
    }
}
