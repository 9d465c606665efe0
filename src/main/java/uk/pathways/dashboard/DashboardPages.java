package uk.pathways.dashboard;

import java.security.Principal;
import java.time.LocalDate;
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
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.web.FormErrors;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * The pages of the dashboards: {@code /dashboards} (the period's KPIs, each chart with its table) and
 * {@code /reports/quarterly} (the board's quarterly joint report, printable, with its CSV). Same figures,
 * same access and same suppression as {@code /api/kpis}.
 */
@Controller
@PathwaysPage
class DashboardPages {

    private final Kpis kpis;
    private final QuarterlyReport quarterly;
    private final KpiAccess access;

    DashboardPages(Kpis kpis, QuarterlyReport quarterly, KpiAccess access) {
        this.kpis = kpis;
        this.quarterly = quarterly;
        this.access = access;
    }

    @GetMapping("/dashboards")
    String dashboards(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String agency,
            Principal principal,
            Model model) {
        Figures figures = access.figuresFor(principal.getName());
        LocalDate today = Now.today();
        String fromValue = from == null ? today.withDayOfMonth(1).minusMonths(2).toString() : from;
        String toValue = to == null ? today.toString() : to;
        model.addAttribute("from", fromValue);
        model.addAttribute("to", toValue);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute(
                "agencies",
                java.util.Arrays.stream(Agency.values()).map(Agency::groupId).toList());
        model.addAttribute("suppressed", figures.suppresses());
        FormErrors errors = FormErrors.none();
        try {
            Map<String, Object> result = kpis.compute(KpiPeriod.parse(fromValue, toValue, district, agency), figures);
            model.addAttribute("view", DashboardView.of(result));
        } catch (InvalidInputException e) {
            errors.addAll(e.problems());
        }
        model.addAttribute("errors", errors);
        return "dashboards/dashboards";
    }

    @GetMapping("/reports/quarterly")
    String quarterly(
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String quarter,
            Principal principal,
            Model model) {
        Figures figures = access.figuresFor(principal.getName());
        LocalDate lastQuarter = Now.today().withDayOfMonth(1).minusMonths(3);
        String y = year == null ? String.valueOf(lastQuarter.getYear()) : year;
        String q = quarter == null ? String.valueOf((lastQuarter.getMonthValue() - 1) / 3 + 1) : quarter;
        KpiPeriod period = KpiPeriod.quarter(y, q);
        Map<String, Object> result = kpis.compute(period, figures);
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("period", period);
        model.addAttribute("suppressed", figures.suppresses());
        model.addAttribute("quarters", List.of("1", "2", "3", "4"));
        model.addAttribute("view", DashboardView.of(result));
        return "dashboards/quarterly";
    }

    @GetMapping(value = "/reports/quarterly.csv", produces = "text/csv")
    ResponseEntity<String> quarterlyCsv(@RequestParam String year, @RequestParam String quarter, Principal principal) {
        Figures figures = access.figuresFor(principal.getName());
        KpiPeriod period = KpiPeriod.quarter(year, quarter);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pathways-" + period.from().getYear() + "-q"
                                + ((period.from().getMonthValue() - 1) / 3 + 1) + ".csv\"")
                .body(quarterly.csv(period, figures));
    }

    @Bean
    static PageLink dashboardsLink() {
        // the dashboards are for agency managers, the performance group and administrators (KpiAccess)
        return new PageLink(
                "Dashboards",
                "/dashboards",
                70,
                groups -> groups.contains(Agency.CAMUNDA_ADMIN)
                        || groups.contains(Agency.PERFORMANCE)
                        || groups.stream().anyMatch(KpiAccess::isManagersGroup));
    }
}
