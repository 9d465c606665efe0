package uk.pathways.dashboard;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The quarterly joint report for the safeguarding board (strategy actions 2.14 and 7.1): every KPI of the
 * quarter as CSV, one row per measure (a breakdown's cells are measures of their own, like
 * {@code referralsByMonth.2026-10.byReferringAgency.police}). The reader's suppression applies.
 */
@Service
class QuarterlyReport {

    static final String HEADER = "measure,value,period_from,period_to";

    private final Kpis kpis;

    QuarterlyReport(Kpis kpis) {
        this.kpis = kpis;
    }

    String csv(KpiPeriod quarter, Figures figures) {
        Map<String, Object> all = kpis.compute(quarter, figures);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Map.Entry<String, Object> row : Figures.flatten(all)) {
            if (List.of("from", "to", "generatedAt", "smallNumbersSuppressed").contains(row.getKey())) {
                continue;
            }
            csv.append(cell(row.getKey()))
                    .append(',')
                    .append(cell(String.valueOf(row.getValue())))
                    .append(',')
                    .append(quarter.from())
                    .append(',')
                    .append(quarter.to())
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
