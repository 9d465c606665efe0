package uk.pathways.missing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseRead;
import uk.pathways.missing.EpisodeAccess;
import uk.pathways.missing.EpisodeTypes;
import uk.pathways.missing.MissingEpisode;
import uk.pathways.missing.MissingEpisodes;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingReportValidator;
import uk.pathways.missing.StatutoryReturn;
import uk.pathways.web.JsonFields;

/**
 * {@code /api/missing-episodes} (contract section 6): report a missing child, report the return, pass on a
 * police re-grade, read an episode, and export the statutory-return data as CSV. Errors are problem+json.
 */
@RestController
@RequestMapping("/api/missing-episodes")
@Tag(
        name = "Missing episodes",
        description = "Missing children: the report, the return, police re-grades and the "
                + "statutory return (contract section 6)")
class MissingEpisodeApiController {

    static final String PROBLEM = "application/problem+json";

    /** Who may export every child's episodes: the co-ordinator, performance (reports) and administrators. */
    static final Set<String> EXPORT_GROUPS = Set.of(
            Agency.MISSING_COORDINATOR.groupId(),
            Agency.MISSING_COORDINATOR.managersGroupId(),
            Agency.PERFORMANCE,
            Agency.CAMUNDA_ADMIN);

    private static final String DOOR_API = "API";

    private final MissingReportValidator validator;
    private final MissingEpisodes episodes;
    private final Actors actors;
    private final CaseAccess access;
    private final ApplicationEventPublisher events;
    private final EpisodeAccess episodeAccess;

    MissingEpisodeApiController(
            MissingReportValidator validator,
            MissingEpisodes episodes,
            Actors actors,
            CaseAccess access,
            ApplicationEventPublisher events,
            EpisodeAccess episodeAccess) {
        this.episodeAccess = episodeAccess;
        this.validator = validator;
        this.episodes = episodes;
        this.actors = actors;
        this.access = access;
        this.events = events;
    }

    @Operation(
            summary = "Report a missing child",
            description = """
            Starts the missing-child pathway: the child (joining the child's case, or opening one) or the `caseId` of the \
            child's existing case, not both. The strategy meeting is called when the child has been missing 24 hours, \
            at once for a HIGH police risk.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = MissingReport.class))))
    @ApiResponse(
            responseCode = "201",
            description = "Reported; `Location` is the episode",
            content = @Content(schema = @Schema(implementation = MissingReported.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Bad input, each bad field named (`child.dateOfBirth`, `missingSince`, "
                    + "`policeRisk`, ...); nothing is created",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "`caseId` names a case the caller's agency is not involved in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/NotInvolved")))
    @ApiResponse(
            responseCode = "409",
            description = "The same episode (police reference and time last seen) was already reported",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> report(@RequestBody JsonNode body, Principal principal) {
        var report = validator.validate(body);
        Actor reporter = actors.of(principal.getName(), List.of(Agency.POLICE.groupId()));
        MissingReportAccepted accepted = episodes.report(report, reporter, MissingEpisodes.SOURCE_API);
        return ResponseEntity.created(URI.create("/api/missing-episodes/" + accepted.reference()))
                .body(Map.of(
                        "reference",
                        accepted.reference(),
                        "caseId",
                        accepted.caseId(),
                        "processInstanceId",
                        accepted.processInstanceId()));
    }

    @Operation(
            summary = "Read a missing episode",
            description = "For the reporting agency and the agencies involved in the case.")
    @ApiResponse(responseCode = "200", description = "The episode")
    @ApiResponse(
            responseCode = "403",
            description = "The caller's agency may not act on the episode (neither its reporting "
                    + "agency nor involved in the case): `involvedAgencies` and `leadAgency` say whom to call",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/NotInvolved")))
    @ApiResponse(
            responseCode = "404",
            description = "No such missing episode",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/{reference}", produces = "application/json")
    MissingEpisode get(@PathVariable String reference, Principal principal) {
        return readable(reference, principal);
    }

    @Operation(
            summary = "Report the child's return",
            description = "Starts the 72-hour clock of the return home interview.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = MissingReturn.class))))
    @ApiResponse(
            responseCode = "200",
            description = "The episode, returned",
            content = @Content(schema = @Schema(implementation = EpisodeState.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No `returnedAt`, or one in the future or before the child was last seen",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller's agency may not act on the episode (neither its reporting "
                    + "agency nor involved in the case): `involvedAgencies` and `leadAgency` say whom to call",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/NotInvolved")))
    @ApiResponse(
            responseCode = "404",
            description = "No such missing episode",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The child has already returned, or the pathway is not waiting for a return",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{reference}/return", consumes = "application/json", produces = "application/json")
    Map<String, Object> returned(@PathVariable String reference, @RequestBody JsonNode body, Principal principal) {
        readable(reference, principal);
        JsonFields fields = new JsonFields();
        if (body == null || !body.isObject()) {
            fields.problem("body", "Send the return as a JSON object");
            fields.throwIfProblems();
        }
        OffsetDateTime returnedAt = fields.dateTime(body, "returnedAt", "returnedAt", true);
        fields.throwIfProblems();
        MissingEpisode episode = episodes.returned(reference, returnedAt.toInstant());
        return view(episode);
    }

    @Operation(
            summary = "Re-grade the police risk",
            description = "While the child is missing; a re-grade to HIGH calls the "
                    + "strategy meeting at once. `changed` is false when the risk was already that.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = PoliceRisk.class))))
    @ApiResponse(
            responseCode = "200",
            description = "The episode, re-graded",
            content = @Content(schema = @Schema(implementation = EpisodeState.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No `policeRisk`, or not one of the codes",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller's agency may not act on the episode (neither its reporting "
                    + "agency nor involved in the case): `involvedAgencies` and `leadAgency` say whom to call",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/NotInvolved")))
    @ApiResponse(
            responseCode = "404",
            description = "No such missing episode",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The child has returned: the risk is re-graded only while missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{reference}/risk", consumes = "application/json", produces = "application/json")
    Map<String, Object> regrade(@PathVariable String reference, @RequestBody JsonNode body, Principal principal) {
        readable(reference, principal);
        JsonFields fields = new JsonFields();
        if (body == null || !body.isObject()) {
            fields.problem("body", "Send the police risk as a JSON object");
            fields.throwIfProblems();
        }
        String policeRisk = fields.oneOf(body, "policeRisk", "policeRisk", true, EpisodeTypes.POLICE_RISKS);
        fields.throwIfProblems();
        MissingEpisodes.Regraded regraded = episodes.regrade(
                reference, policeRisk, actors.of(principal.getName(), List.of(Agency.POLICE.groupId())));
        Map<String, Object> answer = view(regraded.episode());
        answer.put("changed", regraded.changed());
        return answer;
    }

    @Operation(
            summary = "Export the statutory-return data (CSV)",
            description =
                    "Every episode whose child was last seen "
                            + "between `from` and `to`, for the missing co-ordinator, performance readers and administrators; audited.")
    @ApiResponse(
            responseCode = "200",
            description = "The episodes as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "No `from` or `to`, not YYYY-MM-DD, or `to` before `from`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller may not export",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    // no "produces": a refusal (400, 403) must still be written as problem+json
    @GetMapping("/export.csv")
    ResponseEntity<String> export(
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String to,
            Principal principal) {
        if (actors.groupsOf(principal.getName()).stream().noneMatch(EXPORT_GROUPS::contains)) {
            throw new AccessDeniedException(
                    "The statutory-return export is for the missing co-ordinator and performance readers");
        }
        JsonFields fields = new JsonFields();
        LocalDate fromDate = date(from, "from", fields);
        LocalDate toDate = date(to, "to", fields);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            fields.problem("to", "The end of the date range must not be before its start");
        }
        fields.throwIfProblems();
        List<MissingEpisode> exported = episodes.lastSeenBetween(fromDate, toDate);
        // not a need-to-know read of each case (performance readers are involved in none): audited all the same
        String agency =
                actors.agenciesOf(principal.getName()).stream().findFirst().orElse(null);
        exported.stream()
                .map(MissingEpisode::caseId)
                .distinct()
                .forEach(caseId -> events.publishEvent(new CaseRead(
                        caseId,
                        principal.getName(),
                        agency,
                        DOOR_API,
                        "statutory-return export " + fromDate + " to " + toDate,
                        false)));
        String csv = StatutoryReturn.csv(exported);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"missing-episodes-" + fromDate + "-to-" + toDate + ".csv\"")
                .body(csv);
    }

    private static LocalDate date(String value, String name, JsonFields fields) {
        if (value == null || value.isBlank()) {
            fields.problem(name, "Enter the " + name + " date, written YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            fields.problem(name, "The " + name + " date must be a real date, written YYYY-MM-DD");
            return null;
        }
    }

    /** 404 for an unknown episode; 403 for a user who may not act on it (see {@link EpisodeAccess}). Audited. */
    private MissingEpisode readable(String reference, Principal principal) {
        return episodeAccess.checkActOn(principal.getName(), reference, DOOR_API);
    }

    private static Map<String, Object> view(MissingEpisode episode) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", episode.reference());
        view.put("caseId", episode.caseId());
        view.put("status", episode.status());
        view.put("policeRisk", episode.policeRisk());
        view.put("missingSince", episode.missingSince());
        putIfSet(view, "returnedAt", episode.returnedAt());
        putIfSet(view, "returnHomeInterviewDue", episode.rhiDueAt());
        putIfSet(view, "strategyMeetingCalledAt", episode.strategyMeetingCalledAt());
        return view;
    }

    private static void putIfSet(Map<String, Object> view, String key, Instant value) {
        if (value != null) {
            view.put(key, value);
        }
    }

    @Schema(
            name = "MissingReport",
            description = "A missing report (contract section 6): `child` or `caseId`, not both")
    record MissingReport(
            @Schema(ref = "#/components/schemas/ReferralChild", description = "The child, as in a referral")
            Object child,

            @Schema(description = "The child's existing case", example = "CASE-2025-000045")
            String caseId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "date-time",
                    description = "When the child was last seen; not in the future")
            String missingSince,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 50)
            String policeReference,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"VERY_LOW", "LOW", "MEDIUM", "HIGH"})
            String policeRisk,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"MISSING_FROM_HOME", "MISSING_FROM_CARE", "AWAY_FROM_PLACEMENT"})
            String episodeType,

            @Schema(maxLength = 150, description = "Needed for a looked-after child")
            String placingAuthority,

            @Schema(description = "A looked-after child placed out of the area")
            Boolean outOfArea,

            @Schema(format = "date-time", description = "Already back: when")
            String returnedAt) {}

    @Schema(name = "MissingReported")
    record MissingReported(
            @Schema(example = "MIS-2025-000007") String reference, String caseId, String processInstanceId) {}

    @Schema(name = "MissingReturn")
    record MissingReturn(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "date-time",
                    description = "When the child came back; not in the future, not before `missingSince`")
            String returnedAt) {}

    @Schema(name = "PoliceRisk")
    record PoliceRisk(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"VERY_LOW", "LOW", "MEDIUM", "HIGH"})
            String policeRisk) {}

    @Schema(
            name = "MissingEpisodeState",
            description = "An episode's state; `changed` only in the answer to a re-grade")
    record EpisodeState(
            String reference,
            String caseId,

            @Schema(allowableValues = {"MISSING", "RETURNED", "CLOSED"})
            String status,

            String policeRisk,
            Instant missingSince,
            Instant returnedAt,
            Instant returnHomeInterviewDue,
            Instant strategyMeetingCalledAt,
            Boolean changed) {}
}
