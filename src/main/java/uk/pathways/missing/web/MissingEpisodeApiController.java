package uk.pathways.missing.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

import com.fasterxml.jackson.databind.JsonNode;

import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseRead;
import uk.pathways.missing.EpisodeTypes;
import uk.pathways.missing.MissingEpisode;
import uk.pathways.missing.EpisodeAccess;
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
class MissingEpisodeApiController {

    /** Who may export every child's episodes: the co-ordinator, performance (reports) and administrators. */
    static final Set<String> EXPORT_GROUPS = Set.of(Agency.MISSING_COORDINATOR.groupId(),
            Agency.MISSING_COORDINATOR.managersGroupId(), Agency.PERFORMANCE, Agency.CAMUNDA_ADMIN);

    private static final String DOOR_API = "API";

    private final MissingReportValidator validator;
    private final MissingEpisodes episodes;
    private final Actors actors;
    private final CaseAccess access;
    private final ApplicationEventPublisher events;
    private final EpisodeAccess episodeAccess;

    MissingEpisodeApiController(MissingReportValidator validator, MissingEpisodes episodes, Actors actors, CaseAccess access,
                                ApplicationEventPublisher events, EpisodeAccess episodeAccess) {
        this.episodeAccess = episodeAccess;
        this.validator = validator;
        this.episodes = episodes;
        this.actors = actors;
        this.access = access;
        this.events = events;
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> report(@RequestBody JsonNode body, Principal principal) {
        var report = validator.validate(body);
        Actor reporter = actors.of(principal.getName(), List.of(Agency.POLICE.groupId()));
        MissingReportAccepted accepted = episodes.report(report, reporter, MissingEpisodes.SOURCE_API);
        return ResponseEntity.created(URI.create("/api/missing-episodes/" + accepted.reference()))
                .body(Map.of("reference", accepted.reference(), "caseId", accepted.caseId(),
                        "processInstanceId", accepted.processInstanceId()));
    }

    @GetMapping(value = "/{reference}", produces = "application/json")
    MissingEpisode get(@PathVariable String reference, Principal principal) {
        return readable(reference, principal);
    }

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
        MissingEpisodes.Regraded regraded = episodes.regrade(reference, policeRisk,
                actors.of(principal.getName(), List.of(Agency.POLICE.groupId())));
        Map<String, Object> answer = view(regraded.episode());
        answer.put("changed", regraded.changed());
        return answer;
    }

    // no "produces": a refusal (400, 403) must still be written as problem+json
    @GetMapping("/export.csv")
    ResponseEntity<String> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  Principal principal) {
        if (actors.groupsOf(principal.getName()).stream().noneMatch(EXPORT_GROUPS::contains)) {
            throw new AccessDeniedException("The statutory-return export is for the missing co-ordinator and performance readers");
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
        String agency = actors.agenciesOf(principal.getName()).stream().findFirst().orElse(null);
        exported.stream().map(MissingEpisode::caseId).distinct().forEach(caseId -> events.publishEvent(new CaseRead(caseId,
                principal.getName(), agency, DOOR_API, "statutory-return export " + fromDate + " to " + toDate, false)));
        String csv = StatutoryReturn.csv(exported);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
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
}
