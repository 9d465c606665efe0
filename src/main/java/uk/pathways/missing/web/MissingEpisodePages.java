package uk.pathways.missing.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.missing.MissingEpisode;
import uk.pathways.missing.MissingEpisodes;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingReportValidator;
import uk.pathways.missing.NewMissingReport;
import uk.pathways.referral.ChildValidation;
import uk.pathways.web.ChildLabels;
import uk.pathways.web.ConflictException;
import uk.pathways.web.Display;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.FormErrors;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * "Report a missing child" and "Record the child's return" for practitioners. The report form becomes the
 * body of {@code POST /api/missing-episodes} and goes through the same {@link MissingReportValidator}; the
 * return goes through the same {@link MissingEpisodes#returned} as {@code POST /api/missing-episodes/{reference}/return},
 * so the pages and the API accept exactly the same reports and returns.
 */
@Controller
@PathwaysPage
class MissingEpisodePages {

    private final uk.pathways.missing.EpisodeAccess episodeAccess;

    static final String WEB = "WEB";
    static final DateTimeInput RETURNED = new DateTimeInput("returned", "returnedAt", "the child returned");
    private static final String DOOR = "PAGE";

    private final MissingReportValidator validator;
    private final MissingEpisodes episodes;
    private final Actors actors;
    private final CaseAccess access;
    private final ChildValidation childValidation;
    private final Display display;
    private final ObjectMapper json;

    MissingEpisodePages(
            MissingReportValidator validator,
            MissingEpisodes episodes,
            Actors actors,
            CaseAccess access,
            ChildValidation childValidation,
            Display display,
            ObjectMapper json,
            uk.pathways.missing.EpisodeAccess episodeAccess) {
        this.episodeAccess = episodeAccess;
        this.validator = validator;
        this.episodes = episodes;
        this.actors = actors;
        this.access = access;
        this.childValidation = childValidation;
        this.display = display;
        this.json = json;
    }

    // ---- report a missing child ----

    @GetMapping("/missing-episodes/new")
    String form(@RequestParam(required = false) String caseId, Model model) {
        MissingReportForm form = MissingReportForm.empty();
        if (caseId != null && caseId.matches("[A-Z]+-\\d{4}-\\d{6}")) {
            form.with("caseId", caseId);
        }
        return show(model, form, FormErrors.none());
    }

    @PostMapping("/missing-episodes/new")
    String report(
            @RequestParam MultiValueMap<String, String> params,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        MissingReportForm form = MissingReportForm.of(params);
        NewMissingReport report;
        try {
            report = validator.validate(form.toJson(json));
        } catch (InvalidInputException e) {
            return show(model, form, form.errors(e.problems()));
        }
        MissingReportAccepted accepted;
        try {
            accepted = episodes.report(report, actors.of(principal.getName(), List.of(Agency.POLICE.groupId())), WEB);
        } catch (ConflictException e) {
            // the same police reference and time last seen for the child: reported already, nothing changed
            FormErrors errors = new FormErrors().add("policeReference", e.getMessage());
            return show(model, form, errors);
        } catch (InvalidInputException e) {
            // the child's identifiers contradict the record (another child's case, another date of birth)
            return show(model, form, form.errors(e.problems()));
        }
        redirect.addFlashAttribute("reference", accepted.reference());
        redirect.addFlashAttribute("caseId", accepted.caseId());
        redirect.addFlashAttribute("joined", accepted.joinedExistingCase());
        return "redirect:/missing-episodes/confirmation";
    }

    @GetMapping("/missing-episodes/confirmation")
    String confirmation(Model model, Principal principal) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/";
        }
        String caseId = (String) model.getAttribute("caseId");
        model.addAttribute("mayReadCase", access.mayRead(principal.getName(), caseId));
        return "missing/confirmation";
    }

    private String show(Model model, MissingReportForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("genders", ChildLabels.GENDERS);
        model.addAttribute("ethnicities", ChildLabels.ETHNICITIES);
        model.addAttribute("districts", childValidation.districts());
        model.addAttribute("policeRisks", POLICE_RISKS);
        model.addAttribute("episodeTypes", EPISODE_TYPES);
        return "missing/new";
    }

    /** The police risk grades, in order, as practitioners read them. */
    static final Map<String, String> POLICE_RISKS =
            ordered("VERY_LOW", "Very low", "LOW", "Low", "MEDIUM", "Medium", "HIGH", "High");

    static final Map<String, String> EPISODE_TYPES = ordered(
            "MISSING_FROM_HOME",
            "Missing from home",
            "MISSING_FROM_CARE",
            "Missing from care",
            "AWAY_FROM_PLACEMENT",
            "Away from placement without permission");

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    // ---- record the return ----

    @GetMapping("/missing-episodes/{reference}/return")
    String returnForm(@PathVariable String reference, Principal principal, Model model) {
        MissingEpisode episode = readable(reference, principal, "record the return");
        return showReturn(model, episode, Map.of(), FormErrors.none());
    }

    @PostMapping("/missing-episodes/{reference}/return")
    String recordReturn(
            @PathVariable String reference,
            @RequestParam MultiValueMap<String, String> params,
            Principal principal,
            Model model) {
        MissingEpisode episode = readable(reference, principal, "record the return");
        Map<String, String> values = new LinkedHashMap<>();
        for (String box : DateTimeInput.boxes("returned")) {
            values.put(box, params.getFirst(box) == null ? "" : params.getFirst(box));
        }
        if (!episode.isMissing()) {
            return showReturn(model, episode, values, FormErrors.none());
        }
        String iso = RETURNED.iso(values);
        try {
            Instant returnedAt = parse(iso);
            if (returnedAt == null) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        RETURNED.field(), iso.isEmpty() ? "Enter returnedAt" : "returnedAt must be a date and time")));
            }
            episodes.returned(reference, returnedAt);
        } catch (InvalidInputException e) {
            FormErrors errors = new FormErrors();
            for (FieldProblem p : e.problems()) {
                errors.add(p.field(), returnWording(p.message(), values, episode));
            }
            errors.target(RETURNED.field(), RETURNED.target(values));
            return showReturn(model, episode, values, errors);
        } catch (ConflictException e) {
            // recorded meanwhile (by a partner's message, or another practitioner): the page says so, nothing changes
            return showReturn(model, episodes.find(reference).orElse(episode), values, FormErrors.none());
        }
        return "redirect:/missing-episodes/" + reference + "/returned";
    }

    @GetMapping("/missing-episodes/{reference}/returned")
    String returned(@PathVariable String reference, Principal principal, Model model) {
        MissingEpisode episode = readable(reference, principal, "return recorded");
        if (episode.returnedAt() == null) {
            return "redirect:/missing-episodes/" + reference + "/return";
        }
        model.addAttribute("episode", episode);
        return "missing/returned";
    }

    private String showReturn(Model model, MissingEpisode episode, Map<String, String> values, FormErrors errors) {
        model.addAttribute("episode", episode);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "missing/return";
    }

    /** The API's messages for the return, worded for the boxes, with the time last seen as people write it. */
    private String returnWording(String message, Map<String, String> values, MissingEpisode episode) {
        if (message.startsWith("The return must not be before")) {
            return "The time the child returned must not be before the time they were last seen ("
                    + display.dateTime(episode.missingSince()) + ")";
        }
        if (message.startsWith("The return must not be in the future")) {
            return "The time the child returned must not be in the future";
        }
        return RETURNED.word(message, values);
    }

    private static Instant parse(String iso) {
        if (iso.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 404 page for an unknown episode; 403 page for an agency not involved in the child's case. Audited. */
    private MissingEpisode readable(String reference, Principal principal, String what) {
        return episodeAccess.checkActOn(principal.getName(), reference, DOOR);
    }

    @Bean
    static PageLink reportMissingChildLink() {
        return new PageLink("Report a missing child", "/missing-episodes/new", 20);
    }
}
