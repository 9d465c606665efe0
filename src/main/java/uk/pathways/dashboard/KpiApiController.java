package uk.pathways.dashboard;

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

    @GetMapping(value = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String district, @RequestParam(required = false) String agency,
                             Principal principal) {
        Figures figures = access.figuresFor(principal.getName());
        return kpis.compute(KpiPeriod.parse(from, to, district, agency), figures);
    }

    @GetMapping(value = "/api/kpis/today", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> today(@RequestParam(required = false) String agency, Principal principal) {
        Figures figures = access.figuresFor(principal.getName());
        return today.of(access.todayAgencyFor(principal.getName(), agency), figures);
    }

    @GetMapping(value = "/api/reports/quarterly", produces = {"text/csv", MediaType.ALL_VALUE})
    ResponseEntity<String> quarterly(@RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
                                     Principal principal) {
        Figures figures = access.figuresFor(principal.getName());
        KpiPeriod period = KpiPeriod.quarter(year, quarter);
        String csv = quarterly.csv(period, figures);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pathways-" + year.strip() + "-q" + quarter.strip() + ".csv\"")
                .body(csv);
    }
}
