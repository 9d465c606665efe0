package uk.pathways.casefile.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseSearch;
import uk.pathways.casefile.CaseSummary;
import uk.pathways.casefile.CaseView;
import uk.pathways.casefile.CaseViews;
import uk.pathways.casefile.ChronologyEntry;
import uk.pathways.web.Display;
import uk.pathways.web.FormErrors;
import uk.pathways.web.FormWording;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * The child's case as one story ({@code /cases/{caseId}}) for the agencies involved, and finding a case
 * ({@code /cases}) by name, date of birth or reference among the cases the user's agency may read.
 */
@Controller
@PathwaysPage
class CasePages {

    static final int MAX_RESULTS = 50;
    /** Where a practitioner opens one task: its task page. */
    static final String TASK_PAGE = "/tasks/";

    private final CaseViews views;
    private final CaseAccess access;
    private final CaseSearch search;
    private final CaseFile caseFile;
    private final uk.pathways.agency.Actors actors;
    private final ObjectMapper json;
    private final FormWording wording;
    private final Display display;
    private final uk.pathways.casefile.PossibleDuplicates duplicates;
    private final uk.pathways.casefile.CaseMerges merges;

    CasePages(
            CaseViews views,
            CaseAccess access,
            CaseSearch search,
            CaseFile caseFile,
            uk.pathways.agency.Actors actors,
            ObjectMapper json,
            FormWording wording,
            Display display,
            uk.pathways.casefile.PossibleDuplicates duplicates,
            uk.pathways.casefile.CaseMerges merges) {
        this.duplicates = duplicates;
        this.merges = merges;
        this.wording = wording;
        this.display = display;
        this.views = views;
        this.access = access;
        this.search = search;
        this.caseFile = caseFile;
        this.actors = actors;
        this.json = json;
    }

    @GetMapping("/cases")
    String find(
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "dob.day", required = false) String day,
            @RequestParam(name = "dob.month", required = false) String month,
            @RequestParam(name = "dob.year", required = false) String year,
            Principal principal,
            Model model) {
        FormErrors errors = new FormErrors();
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("day", day == null ? "" : day);
        model.addAttribute("month", month == null ? "" : month);
        model.addAttribute("year", year == null ? "" : year);
        model.addAttribute("errors", errors);
        boolean searched = text != null || day != null || month != null || year != null;
        model.addAttribute("searched", false);
        if (!searched) {
            return "cases/find";
        }
        LocalDate dateOfBirth = null;
        boolean anyDatePart = !blank(day) || !blank(month) || !blank(year);
        if (anyDatePart) {
            try {
                dateOfBirth = LocalDate.of(
                        Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
                if (year.strip().length() != 4) {
                    throw new DateTimeException("year");
                }
            } catch (RuntimeException e) {
                errors.add("dob", "Date of birth must be a real date, like 27 3 2012")
                        .target("dob", "dob-day");
            }
        }
        CaseQuery query = new CaseQuery(text, dateOfBirth);
        if (!errors.any() && query.isEmpty()) {
            errors.add("q", "Enter a name, a reference or a date of birth");
        }
        if (errors.any()) {
            return "cases/find";
        }
        List<Result> results = new ArrayList<>();
        for (CaseSearch.Found found :
                search.find(principal.getName(), "PAGE", query.name(), query.dateOfBirth(), query.reference())) {
            // Need to know: the case's details only for an agency involved; anyone else sees who, and who to ask.
            CaseSummary details = access.mayRead(principal.getName(), found.caseId())
                    ? caseFile.find(found.caseId()).orElse(null)
                    : null;
            results.add(new Result(found, details));
        }
        model.addAttribute("searched", true);
        model.addAttribute("results", results);
        model.addAttribute("readable", results.stream().filter(Result::mayRead).toList());
        model.addAttribute("others", results.stream().filter(r -> !r.mayRead()).toList());
        model.addAttribute("maxResults", MAX_RESULTS);
        return "cases/find";
    }

    /** A search result: who the child is, and the case's details when the user's agency may read it. */
    record Result(CaseSearch.Found found, CaseSummary details) {
        public boolean mayRead() {
            return details != null;
        }
    }

    @GetMapping("/cases/{caseId}")
    String show(
            @PathVariable String caseId,
            @RequestParam(name = "agency", required = false) String agency,
            @RequestParam(name = "kind", required = false) String kind,
            Principal principal,
            Model model) {
        // 404 for no such case, 403 for an agency not involved; the read or the refusal goes to the audit trail
        access.checkRead(principal.getName(), caseId, "PAGE", "case page");
        CaseView view = views.view(caseId, principal.getName()).orElseThrow();
        model.addAttribute("view", view);
        model.addAttribute("decision", latestThresholdDecision(view));
        model.addAttribute("indicatorWording", wording());
        List<String> ids = new ArrayList<>(
                view.chronology().stream().map(ChronologyEntry::actor).toList());
        view.record().forEach(e -> ids.add(e.recordedBy()));
        asMaps(view.onwardReferrals()).forEach(r -> {
            ids.add(String.valueOf(r.get("madeBy")));
            ids.add(String.valueOf(r.get("statusBy")));
        });
        List<Map<String, Object>> subjectsOfConcern = asMaps(view.subjectsOfConcern());
        subjectsOfConcern.forEach(l -> ids.add(String.valueOf(l.get("recordedBy"))));
        if (view.consent() != null) {
            // whoever recorded the consent position in force, by name (another capability's section, read as fields)
            Object by = json.convertValue(view.consent(), new TypeReference<Map<String, Object>>() {})
                    .get("recordedBy");
            if (by != null) {
                ids.add(by.toString());
            }
        }
        Map<String, String> people = actors.namesOf(ids);
        model.addAttribute("people", people);
        model.addAttribute("mayReadSharing", access.mayReadAsLead(principal.getName(), caseId));
        model.addAttribute("duplicates", duplicates.of(caseId));
        model.addAttribute("mayMerge", merges.mayMerge(principal.getName()));
        model.addAttribute("support", SupportSummary.of(view.record(), wording, display));
        model.addAttribute(
                "recordSections",
                RecordSections.of(
                        view.record(), view.involvedAgencies(), wording, display, id -> people.getOrDefault(id, id)));
        model.addAttribute("missingEpisodes", asMaps(view.missingEpisodes()));
        model.addAttribute("strategyMeetings", asMaps(view.strategyMeetings()));
        model.addAttribute("investigations", asMaps(view.investigations()));
        model.addAttribute("onwardReferrals", asMaps(view.onwardReferrals()));
        model.addAttribute("exploitationPanels", asMaps(view.exploitationPanels()));
        model.addAttribute("subjectsOfConcern", subjectsOfConcern);
        // the practitioners' chronology: what happened, without the e-mail deliveries (the administrators'
        // notifications view)
        List<ChronologyEntry> story = view.chronology().stream()
                .filter(ChronologyEntry::forPractitioners)
                .toList();
        model.addAttribute(
                "chronologyAgencies",
                story.stream()
                        .map(ChronologyEntry::agency)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute(
                "chronologyKinds",
                story.stream()
                        .map(ChronologyEntry::eventType)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute(
                "chronology",
                story.stream()
                        .filter(e -> agency == null || agency.isBlank() || agency.equals(e.agency()))
                        .filter(e -> kind == null || kind.isBlank() || kind.equals(e.eventType()))
                        .toList());
        model.addAttribute("taskLink", TASK_PAGE);
        return "cases/case";
    }

    /** The decision the current risk level and pathway came from: the latest one made with the threshold. */
    static CaseView.Decision latestThresholdDecision(CaseView view) {
        CaseView.Decision latest = null;
        for (CaseView.Decision d : view.decisions()) {
            if (d.riskLevel() != null && d.screeningScore() != null) {
                latest = d;
            }
        }
        return latest;
    }

    /** The indicators in the words of the screening form, which the deployment check keeps equal to the catalogue. */
    private Map<String, String> wording() {
        return wording.options("screening", "indicators");
    }

    /** Another capability's missing episodes, as field maps the page can list whatever their type. */
    private List<Map<String, Object>> asMaps(List<Object> items) {
        return items.stream()
                .map(item -> json.convertValue(item, new TypeReference<Map<String, Object>>() {}))
                .toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @Bean
    static PageLink findCaseLink() {
        return new PageLink("Find a case", "/cases", 30);
    }
}
