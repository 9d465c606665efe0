package uk.pathways.disruption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.dashboard.Figures;

/**
 * The six-monthly disruption report (docs/kpis.md, "Disruption report"): for a half of the financial year, the entries
 * served by tactic, district and the agency that served them; the breaches that happened, by tactic and district; the
 * entries that ended, by outcome and tactic. Police (and administrators) see exact figures; the {@code performance}
 * group sees small numbers suppressed ({@link Figures}); nobody sees a subject or a child. Each part is one grouped count
 * over an indexed date range, so the report's cost follows the half's entries, not the size of the record.
 */
@Service
@Transactional(readOnly = true)
public class DisruptionReport {

    static final String NO_DISTRICT = "No district";

    private final DisruptionRepository repository;
    private final DisruptionProperties properties;
    private final Actors actors;

    DisruptionReport(DisruptionRepository repository, DisruptionProperties properties, Actors actors) {
        this.repository = repository;
        this.properties = properties;
        this.actors = actors;
    }

    /** The figures this user may see, or 403. */
    public Figures figuresFor(String userId) {
        Set<String> groups = actors.groupsOf(userId);
        if (DisruptionAccess.police(groups) || groups.contains(Agency.CAMUNDA_ADMIN)) {
            return Figures.exact();
        }
        if (groups.contains(Agency.PERFORMANCE)) {
            return Figures.suppressed();
        }
        throw new AccessDeniedException("The disruption report is for the police and the performance group");
    }

    /** The report: {@code served}, {@code breaches} and {@code ended}, each with its total and breakdowns. */
    public Map<String, Object> compute(HalfYear period, Figures figures) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", period.from().toString());
        report.put("to", period.to().toString());

        List<Map<String, Object>> served = repository.servedBy(period.from(), period.to());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("total", figures.count(total(served)));
        s.put("byTactic", figures.breakdown(tactics(served)));
        s.put("byDistrict", figures.breakdown(by(served, r -> district(r.get("district")))));
        s.put("byAgency", figures.breakdown(by(served, r -> String.valueOf(r.get("served_by")))));
        report.put("served", s);

        List<Map<String, Object>> breaches = repository.breachesBy(period.from(), period.to());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("total", figures.count(total(breaches)));
        b.put("byTactic", figures.breakdown(tactics(breaches)));
        b.put("byDistrict", figures.breakdown(by(breaches, r -> district(r.get("district")))));
        b.put("byAgency", figures.breakdown(by(breaches, r -> String.valueOf(r.get("served_by")))));
        report.put("breaches", b);

        List<Map<String, Object>> ended = repository.outcomesBy(period.from(), period.to());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("total", figures.count(total(ended)));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Disruption.OUTCOMES.forEach(o -> outcomes.put(o, 0L));
        ended.forEach(r -> outcomes.merge(String.valueOf(r.get("outcome")), n(r), Long::sum));
        e.put("byOutcome", figures.breakdown(outcomes));
        e.put("byTactic", figures.breakdown(tactics(ended)));
        report.put("ended", e);
        return report;
    }

    /** One CSV row per figure: measure, category, value (the page's tables, in order). */
    public String csv(HalfYear period, Figures figures) {
        Map<String, Object> report = compute(period, figures);
        StringBuilder csv = new StringBuilder("measure,category,value\r\n");
        csv.append("period,from,").append(report.get("from")).append("\r\n");
        csv.append("period,to,").append(report.get("to")).append("\r\n");
        for (String part : List.of("served", "breaches", "ended")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) report.get(part);
            section.forEach((measure, value) -> {
                if (value instanceof Map<?, ?> cells) {
                    cells.forEach((category, v) -> csv.append(part)
                            .append('.')
                            .append(measure)
                            .append(',')
                            .append(cell(String.valueOf(category)))
                            .append(',')
                            .append(cell(String.valueOf(v)))
                            .append("\r\n"));
                } else {
                    csv.append(part)
                            .append('.')
                            .append(measure)
                            .append(",,")
                            .append(cell(String.valueOf(value)))
                            .append("\r\n");
                }
            });
        }
        return csv.toString();
    }

    /** Tactic code to wording, for the page. */
    public Map<String, String> tacticWordings() {
        return properties.wordings();
    }

    private Map<String, Long> tactics(List<Map<String, Object>> rows) {
        Map<String, Long> cells = new LinkedHashMap<>();
        properties.tactics().forEach(t -> cells.put(t.code(), 0L));
        rows.forEach(r -> cells.merge(String.valueOf(r.get("tactic")), n(r), Long::sum));
        return cells;
    }

    private static Map<String, Long> by(List<Map<String, Object>> rows, Function<Map<String, Object>, String> key) {
        Map<String, Long> cells = new TreeMap<>();
        rows.forEach(r -> cells.merge(key.apply(r), n(r), Long::sum));
        return cells;
    }

    private static String district(Object value) {
        return value == null || value.toString().isBlank() ? NO_DISTRICT : value.toString();
    }

    private static long total(List<Map<String, Object>> rows) {
        return rows.stream().mapToLong(DisruptionReport::n).sum();
    }

    private static long n(Map<String, Object> row) {
        Object n = row.get("n");
        if (n == null) {
            n = row.get("N");
        }
        return ((Number) n).longValue();
    }

    private static String cell(String value) {
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
