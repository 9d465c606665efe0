package uk.pathways.disruption.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditEntry;
import uk.pathways.calendar.Now;
import uk.pathways.dashboard.Figures;
import uk.pathways.disruption.Disruption;
import uk.pathways.disruption.DisruptionAccess;
import uk.pathways.disruption.DisruptionReport;
import uk.pathways.disruption.Disruptions;
import uk.pathways.disruption.HalfYear;
import uk.pathways.disruption.NewDisruption;
import uk.pathways.web.FormErrors;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * The register's pages for the police ({@code /disruption}: the register, record an entry, an entry with its breaches,
 * reviews and outcome, add a breach, record the outcome) and the six-monthly disruption report on the board's pages
 * ({@code /reports/disruption} and its CSV). Same checks, access and audit as {@code /api/disruptions}.
 */
@Controller
@PathwaysPage
class DisruptionPages {

    private final Disruptions disruptions;
    private final DisruptionAccess access;
    private final DisruptionReport report;
    private final Actors actors;

    DisruptionPages(Disruptions disruptions, DisruptionAccess access, DisruptionReport report, Actors actors) {
        this.disruptions = disruptions;
        this.access = access;
        this.report = report;
        this.actors = actors;
    }

    @GetMapping("/disruption")
    String register(@RequestParam(defaultValue = "false") boolean inForce, Principal principal, Model model) {
        access.checkRegister(principal.getName());
        Actor reader = police(principal);
        model.addAttribute(
                "entries", disruptions.list(inForce, 200, reader.userId(), reader.agency(), AuditEntry.DOOR_PAGE));
        model.addAttribute("inForce", inForce);
        model.addAttribute("tactics", disruptions.properties().wordings());
        model.addAttribute("today", Now.today());
        return "disruption/register";
    }

    @GetMapping("/disruption/new")
    String form(@RequestParam(required = false) String subjectId, Principal principal, Model model) {
        access.checkRegister(principal.getName());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("subjectId", subjectId == null ? "" : subjectId);
        values.put("servedBy", Agency.POLICE.groupId());
        return showNew(model, values, FormErrors.none());
    }

    @PostMapping("/disruption/new")
    String record(@RequestParam MultiValueMap<String, String> params, Principal principal, Model model) {
        access.checkRegister(principal.getName());
        Map<String, String> values = new LinkedHashMap<>();
        for (String field :
                List.of("tactic", "subjectId", "caseIds", "district", "servedBy", "servedOn", "expiresOn")) {
            values.put(field, params.getFirst(field) == null ? "" : params.getFirst(field));
        }
        List<String> caseIds = Arrays.stream(values.get("caseIds").split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
        try {
            Disruption entry = disruptions.record(
                    new NewDisruption(
                            values.get("tactic"),
                            values.get("subjectId"),
                            caseIds,
                            values.get("district"),
                            values.get("servedBy"),
                            values.get("servedOn"),
                            values.get("expiresOn")),
                    police(principal),
                    AuditEntry.DOOR_PAGE);
            return "redirect:/disruption/" + entry.id();
        } catch (InvalidInputException e) {
            FormErrors errors = FormErrors.none();
            e.problems().forEach(p -> errors.add(p.field().startsWith("caseIds") ? "caseIds" : p.field(), p.message()));
            return showNew(model, values, errors);
        }
    }

    @GetMapping("/disruption/{id}")
    String entry(@PathVariable String id, Principal principal, Model model) {
        Disruption entry = readable(id, principal);
        Actor reader = police(principal);
        disruptions.read(entry, reader.userId(), reader.agency(), AuditEntry.DOOR_PAGE);
        return showEntry(model, entry, Map.of(), FormErrors.none());
    }

    @PostMapping("/disruption/{id}/breaches")
    String breach(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Disruption entry = readable(id, principal);
        Map<String, String> values = values(params, "breachedOn", "note");
        try {
            disruptions.addBreach(
                    entry.id(), values.get("breachedOn"), values.get("note"), police(principal), AuditEntry.DOOR_PAGE);
        } catch (InvalidInputException e) {
            return showEntry(model, entry, values, FormErrors.none().addAll(e.problems()));
        }
        redirect.addFlashAttribute("notice", "Breach added.");
        return "redirect:/disruption/" + entry.id();
    }

    @PostMapping("/disruption/{id}/outcome")
    String outcome(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Disruption entry = readable(id, principal);
        Map<String, String> values = values(params, "outcome", "outcomeOn", "notes");
        try {
            disruptions.end(
                    entry.id(),
                    values.get("outcome"),
                    values.get("outcomeOn"),
                    values.get("notes"),
                    police(principal),
                    AuditEntry.DOOR_PAGE);
        } catch (InvalidInputException e) {
            return showEntry(model, entry, values, FormErrors.none().addAll(e.problems()));
        }
        redirect.addFlashAttribute("notice", "Outcome recorded: the entry has ended and its reminders stop.");
        return "redirect:/disruption/" + entry.id();
    }

    // ---- the six-monthly report, on the board's pages

    @GetMapping("/reports/disruption")
    String report(
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String half,
            Principal principal,
            Model model) {
        Figures figures = report.figuresFor(principal.getName());
        HalfYear last = HalfYear.lastEnded(Now.today());
        String y = year == null ? String.valueOf(last.year()) : year;
        String h = half == null ? String.valueOf(last.half()) : half;
        model.addAttribute("year", y);
        model.addAttribute("half", h);
        model.addAttribute("suppressed", figures.suppresses());
        model.addAttribute("tactics", report.tacticWordings());
        FormErrors errors = FormErrors.none();
        try {
            HalfYear period = HalfYear.parse(y, h);
            model.addAttribute("period", period);
            model.addAttribute("figures", report.compute(period, figures));
        } catch (InvalidInputException e) {
            errors.addAll(e.problems());
        }
        model.addAttribute("errors", errors);
        return "disruption/report";
    }

    @GetMapping(value = "/reports/disruption.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(@RequestParam String year, @RequestParam String half, Principal principal) {
        Figures figures = report.figuresFor(principal.getName());
        HalfYear period = HalfYear.parse(year, half);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pathways-disruption-" + period.year() + "-h" + period.half() + ".csv\"")
                .body(report.csv(period, figures));
    }

    @Bean
    static PageLink disruptionRegisterLink() {
        return new PageLink("Disruption register", "/disruption", 65, DisruptionAccess::police);
    }

    // ----

    private String showNew(Model model, Map<String, String> values, FormErrors errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("tactics", disruptions.properties().tactics());
        model.addAttribute("outcomes", outcomes());
        return "disruption/new";
    }

    private String showEntry(Model model, Disruption entry, Map<String, String> values, FormErrors errors) {
        model.addAttribute("entry", entry);
        model.addAttribute("tactic", disruptions.properties().wording(entry.tactic()));
        model.addAttribute("outcomeWords", Disruption.outcomeWords(entry.outcome()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", outcomes());
        List<String> people = new java.util.ArrayList<>();
        people.add(entry.recordedBy());
        entry.breaches().forEach(b -> people.add(b.recordedBy()));
        entry.reviews().forEach(r -> people.add(r.recordedBy()));
        if (entry.outcomeBy() != null) {
            people.add(entry.outcomeBy());
        }
        model.addAttribute("people", actors.namesOf(people));
        return "disruption/entry";
    }

    private static Map<String, String> outcomes() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        Disruption.OUTCOMES.forEach(o -> outcomes.put(o, Disruption.outcomeWords(o)));
        return outcomes;
    }

    private static Map<String, String> values(MultiValueMap<String, String> params, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : fields) {
            values.put(f, params.getFirst(f) == null ? "" : params.getFirst(f));
        }
        return values;
    }

    private Disruption readable(String id, Principal principal) {
        access.checkRegister(principal.getName());
        Disruption entry = disruptions.find(id).orElseThrow(() -> new NoSuchElementException("No entry " + id));
        access.checkRead(principal.getName(), entry);
        return entry;
    }

    private Actor police(Principal principal) {
        return actors.of(principal.getName(), List.of(Agency.POLICE.groupId()));
    }
}
