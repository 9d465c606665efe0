package uk.pathways.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import uk.pathways.calendar.Now;
import uk.pathways.investigation.Investigations;

/**
 * The quarterly learning report (strategy action 6.3): the police investigations concluded in the quarter by outcome,
 * the reasons for no further action, the reviews after no further action done (in time or late) and overdue at the
 * quarter's end, their learning themes, and the learning they share with the partnership. The reader's suppression
 * applies; the summaries, written not to identify a child, are withheld from a suppressed reader when fewer than 5
 * reviews were done.
 */
@Service
class LearningReport {

    static final List<String> OUTCOMES = List.of("CHARGED", "CAUTIONED", "NO_FURTHER_ACTION", "DISRUPTION_ONLY");
    static final List<String> NFA_REASONS = List.of(
            "EVIDENTIAL_DIFFICULTIES",
            "VICTIM_DOES_NOT_SUPPORT",
            "NOT_IN_PUBLIC_INTEREST",
            "SUSPECT_NOT_IDENTIFIED",
            "OTHER");
    static final String NOT_RECORDED = "NOT_RECORDED";

    private final Investigations investigations;

    LearningReport(Investigations investigations) {
        this.investigations = investigations;
    }

    Map<String, Object> compute(KpiPeriod quarter, Figures figures) {
        Instant from = quarter.start();
        Instant to = quarter.end();
        List<Investigations.Outcome> concluded = investigations.concludedBetween(from, to);
        Map<String, Long> byOutcome = cells(OUTCOMES);
        Map<String, Long> byReason = cells(NFA_REASONS);
        for (Investigations.Outcome o : concluded) {
            byOutcome.merge(
                    o.outcome() == null || !OUTCOMES.contains(o.outcome()) ? NOT_RECORDED : o.outcome(), 1L, Long::sum);
            if (Investigations.NO_FURTHER_ACTION.equals(o.outcome()) && o.nfaReason() != null) {
                byReason.merge(o.nfaReason(), 1L, Long::sum);
            }
        }
        List<Investigations.Outcome> reviewed = investigations.reviewedBetween(from, to);
        long late = reviewed.stream()
                .filter(o -> o.reviewDue() != null && o.reviewedAt().isAfter(o.reviewDue()))
                .count();
        Instant end = to.isBefore(Now.instant()) ? to : Now.instant();
        long overdue = investigations.overdueAt(end).size();
        Map<String, Long> themes = new TreeMap<>();
        List<String> summaries = new ArrayList<>();
        for (Investigations.Outcome o : reviewed) {
            o.learningThemes().forEach(t -> themes.merge(t, 1L, Long::sum));
            if (o.shareableSummary() != null && !o.shareableSummary().isBlank()) {
                summaries.add(o.shareableSummary());
            }
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", quarter.from().toString());
        report.put("to", quarter.to().toString());
        report.put("smallNumbersSuppressed", figures.suppresses());
        report.put("investigationsConcluded", figures.count(concluded.size()));
        report.put("concludedByOutcome", figures.breakdown(byOutcome));
        report.put("noFurtherActionReasons", figures.breakdown(byReason));
        Map<String, Object> reviews = new LinkedHashMap<>();
        reviews.put("done", figures.count(reviewed.size()));
        reviews.put("doneInTime", figures.rate(reviewed.size() - late, reviewed.size(), 0));
        reviews.put("overdueAtEnd", figures.count(overdue));
        report.put("reviews", reviews);
        report.put("learningThemes", figures.breakdown(themes));
        boolean withheld = figures.suppresses() && Figures.small(reviewed.size());
        report.put("sharedLearningWithheld", withheld);
        report.put("sharedLearning", withheld ? List.of() : summaries);
        return report;
    }

    String csv(KpiPeriod quarter, Figures figures) {
        Map<String, Object> all = compute(quarter, figures);
        StringBuilder csv = new StringBuilder(QuarterlyReport.HEADER).append("\r\n");
        for (Map.Entry<String, Object> row : Figures.flatten(all)) {
            if (List.of("from", "to", "smallNumbersSuppressed", "sharedLearning", "sharedLearningWithheld")
                            .contains(row.getKey())
                    || row.getKey().startsWith("sharedLearning.")) {
                continue;
            }
            line(csv, row.getKey(), String.valueOf(row.getValue()), quarter);
        }
        @SuppressWarnings("unchecked")
        List<String> shared = (List<String>) all.get("sharedLearning");
        for (int i = 0; i < shared.size(); i++) {
            line(csv, "sharedLearning." + (i + 1), shared.get(i), quarter);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String measure, String value, KpiPeriod quarter) {
        csv.append(QuarterlyReport.cell(measure))
                .append(',')
                .append(QuarterlyReport.cell(value))
                .append(',')
                .append(quarter.from())
                .append(',')
                .append(quarter.to())
                .append("\r\n");
    }

    private static Map<String, Long> cells(List<String> codes) {
        Map<String, Long> cells = new LinkedHashMap<>();
        codes.forEach(c -> cells.put(c, 0L));
        return cells;
    }
}
