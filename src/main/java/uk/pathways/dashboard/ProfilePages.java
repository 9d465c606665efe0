package uk.pathways.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.pathways.audit.AuditEntry;
import uk.pathways.web.FormErrors;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * {@code /reports/problem-profile}: the problem profile for the board and the police, each chart with its table,
 * the map of locations of concern with its table, and {@code /reports/problem-profile.csv}. Same figures, access
 * and suppression as {@code GET /api/profile}.
 */
@Controller
@PathwaysPage
class ProfilePages {

    static final String CSV_HEADER = "measure,value,period_from,period_to";

    private final ProblemProfile profile;
    private final ProfileAccess access;
    private final ProfileMap map;

    ProfilePages(ProblemProfile profile, ProfileAccess access, ProfileMap map) {
        this.profile = profile;
        this.access = access;
        this.map = map;
    }

    @GetMapping("/reports/problem-profile")
    String page(@RequestParam(required = false) String to, Principal principal, Model model) {
        FormErrors errors = FormErrors.none();
        model.addAttribute("errors", errors);
        model.addAttribute("to", to == null ? "" : to);
        ProblemProfile.Period period;
        try {
            period = ProblemProfile.Period.parse(to);
        } catch (InvalidInputException e) {
            // refused before anything is read; the reader must still be one who may see the page
            access.readerFor(principal.getName(), AuditEntry.DOOR_PAGE, "refused month: " + to);
            errors.addAll(e.problems());
            return "dashboards/profile";
        }
        ProfileAccess.Reader reader =
                access.readerFor(principal.getName(), AuditEntry.DOOR_PAGE, "twelve months to " + period.last());
        List<ProblemProfile.Location> locations = profile.locations(period, reader.figures(), reader.police());
        model.addAttribute("to", period.last().toString());
        model.addAttribute("period", period);
        model.addAttribute("suppressed", reader.figures().suppresses());
        model.addAttribute("police", reader.police());
        model.addAttribute("sections", ProfileView.sections(profile.compute(period, reader.figures())));
        model.addAttribute("locations", locations);
        model.addAttribute("map", map.draw(locations));
        return "dashboards/profile";
    }

    @GetMapping(value = "/reports/problem-profile.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String to, Principal principal) {
        ProblemProfile.Period period = ProblemProfile.Period.parse(to);
        ProfileAccess.Reader reader =
                access.readerFor(principal.getName(), AuditEntry.DOOR_PAGE, "CSV, twelve months to " + period.last());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pathways-problem-profile-" + period.last() + ".csv\"")
                .body(csv(profile.compute(period, reader.figures()), period));
    }

    /** One row per figure, like the quarterly report: {@code where.locationsByCategory.HOTEL,12,2026-01-01,2026-12-31}. */
    static String csv(Map<String, Object> figures, ProblemProfile.Period period) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Map.Entry<String, Object> row : Figures.flatten(figures)) {
            if (List.of("from", "to", "generatedAt", "smallNumbersSuppressed").contains(row.getKey())) {
                continue;
            }
            csv.append(QuarterlyReport.cell(row.getKey()))
                    .append(',')
                    .append(QuarterlyReport.cell(String.valueOf(row.getValue())))
                    .append(',')
                    .append(period.from())
                    .append(',')
                    .append(period.to())
                    .append("\r\n");
        }
        return csv.toString();
    }

    @Bean
    static PageLink problemProfileLink() {
        // the problem profile is for the police and the board (ProfileAccess)
        return new PageLink("Problem profile", "/reports/problem-profile", 72, ProfileAccess::mayRead);
    }
}
