package uk.pathways.dashboard;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;

/**
 * {@code /reports/learning} and its CSV: the quarterly learning report from the reviews after no further action, for
 * the board ({@code performance}, small numbers suppressed), the police (exact: the investigations are theirs), agency
 * managers and administrators as for the dashboards ({@link KpiAccess}); anyone else 403.
 */
@Controller
class LearningReportPages {

    private final LearningReport report;
    private final KpiAccess access;
    private final Actors actors;

    LearningReportPages(LearningReport report, KpiAccess access, Actors actors) {
        this.report = report;
        this.access = access;
        this.actors = actors;
    }

    @GetMapping("/reports/learning")
    String learning(
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String quarter,
            Principal principal,
            Model model) {
        Figures figures = figuresFor(principal.getName());
        LocalDate lastQuarter = Now.today().withDayOfMonth(1).minusMonths(3);
        String y = year == null ? String.valueOf(lastQuarter.getYear()) : year;
        String q = quarter == null ? String.valueOf((lastQuarter.getMonthValue() - 1) / 3 + 1) : quarter;
        KpiPeriod period = KpiPeriod.quarter(y, q);
        Map<String, Object> result = report.compute(period, figures);
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("period", period);
        model.addAttribute("suppressed", figures.suppresses());
        model.addAttribute("quarters", List.of("1", "2", "3", "4"));
        model.addAttribute("report", result);
        return "dashboards/learning";
    }

    @GetMapping(value = "/reports/learning.csv", produces = "text/csv")
    ResponseEntity<String> learningCsv(@RequestParam String year, @RequestParam String quarter, Principal principal) {
        Figures figures = figuresFor(principal.getName());
        KpiPeriod period = KpiPeriod.quarter(year, quarter);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pathways-learning-"
                                + period.from().getYear() + "-q"
                                + ((period.from().getMonthValue() - 1) / 3 + 1) + ".csv\"")
                .body(report.csv(period, figures));
    }

    private Figures figuresFor(String userId) {
        if (actors.groupsOf(userId).contains(Agency.POLICE.groupId())) {
            return Figures.exact();
        }
        return access.figuresFor(userId);
    }
}
