package uk.pathways.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPI answer (the same map as {@code GET /api/kpis}) laid out for a page: for each KPI a section with
 * its headline figures and, for each breakdown, a bar chart with the same numbers in a table beside it.
 */
record DashboardView(List<Section> sections) {

    /** A figure in a summary list: "Children supported now: 12". */
    record Figure(String label, String value) {}

    /** One bar: its label, the value as shown, and its length as a share of the longest bar (0 to 100). */
    record Bar(String label, String value, int length) {}

    record Chart(String id, String title, String labelHeader, List<Bar> bars) {}

    /** A table with rows and columns (referrals by agency and month; the problem profile). */
    record Matrix(String id, String title, String rowHeader, List<String> columns, List<List<String>> rows) {}

    record Section(
            String key,
            String title,
            String description,
            String headline,
            List<Figure> figures,
            List<Chart> charts,
            List<Matrix> matrices) {}

    static final Map<String, String[]> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put(
                "openCasesByStage",
                new String[] {"Open cases by stage", "Children's cases open now, by where they are in the pathway."});
        TITLES.put("openCasesByRisk", new String[] {
            "Open cases by risk", "Children's cases open now, by their latest threshold risk level."
        });
        TITLES.put(
                "overdueTasksByAgency",
                new String[] {"Overdue tasks by agency", "Tasks open now and past their due date."});
        TITLES.put(
                "escalationsByAgency",
                new String[] {"Escalations by agency", "Clocks breached in the period and escalated to managers."});
        TITLES.put(
                "referralsByMonth",
                new String[] {"Referrals by month", "Referrals received, by month, referring agency and district."});
        TITLES.put("screeningWithinOneWorkingDayPercent", new String[] {
            "Screening within 1 working day",
            "Referrals in the period screened within 1 working day (bank holidays are not working days)."
        });
        TITLES.put("strategyMeetingsInTimePercent", new String[] {
            "Strategy meetings in time",
            "Meetings held within 1 working day of an urgent threshold decision, or 3 working days of a standard one."
        });
        TITLES.put("rhiWithin72HoursPercent", new String[] {
            "Return home interviews within 72 hours",
            "Children who came back in the period and had their return home interview within 72 hours."
        });
        TITLES.put("repeatMissingChildren", new String[] {
            "Repeat missing children", "Children whose third missing episode within 90 days started in the period."
        });
        TITLES.put(
                "riskLevelsAtScreening",
                new String[] {"Risk levels at screening", "Risk levels decided at screening in the period."});
        TITLES.put("meetingActionsOverdue", new String[] {
            "Meeting actions overdue",
            "Actions agreed at strategy meetings, not done and past their due date now, by the agency that owns them."
        });
        TITLES.put("professionalJudgements", new String[] {
            "Professional judgements at screening",
            "Screenings whose practitioner judged a different risk level, by the MASH manager's answer."
        });
        TITLES.put(
                "closuresByReason",
                new String[] {"Closures by reason", "Referrals that ended in the period, by how they ended."});
        TITLES.put("disruptionActivity", new String[] {
            "Disruption activity", "Police investigation updates and disruption activities recorded in the period."
        });
        TITLES.put(
                "riseCaseload",
                new String[] {"RISE caseload", "Children supported by the RISE team now, and accepted in the period."});
        TITLES.put("outcomeWheelChange", new String[] {
            "Outcome wheel change",
            "For children with an outcome wheel in the period: their first wheel against their latest (6 to 60, higher is better)."
        });
        TITLES.put(
                "problemProfileByDistrict",
                new String[] {"Problem profile by district", "The period's figures district by district."});
    }

    private static final Map<String, String> RATE_LABELS =
            Map.of("met", "In time", "notMet", "Late", "pending", "Not yet due");

    @SuppressWarnings("unchecked")
    static DashboardView of(Map<String, Object> kpis) {
        List<Section> sections = new ArrayList<>();
        TITLES.forEach((key, title) -> {
            Object value = kpis.get(key);
            if (!(value instanceof Map<?, ?> map)) {
                return;
            }
            Map<String, Object> m = (Map<String, Object>) map;
            List<Figure> figures = new ArrayList<>();
            List<Chart> charts = new ArrayList<>();
            List<Matrix> matrices = new ArrayList<>();
            String headline = null;
            if (Boolean.FALSE.equals(m.get("available"))) {
                headline = "Not available";
                figures.add(new Figure("Why", String.valueOf(m.get("reason"))));
            } else if (m.containsKey("met")) {
                headline = headlineOf(m);
                charts.add(rateChart(key, title[0], m));
                Object byPathway = m.get("byPathway");
                if (byPathway instanceof Map<?, ?> split) {
                    ((Map<String, Object>) split)
                            .forEach((pathway, rate) -> charts.add(rateChart(
                                    key + "-" + pathway, title[0] + ": " + words(pathway), (Map<String, Object>)
                                            rate)));
                }
            } else if ("referralsByMonth".equals(key)) {
                Map<String, Object> totals = new LinkedHashMap<>();
                m.forEach((month, v) -> totals.put(month, ((Map<String, Object>) v).get("total")));
                charts.add(chart(key, "Referrals received by month", "Month", totals));
                matrices.add(byMonth(
                        key + "-agency",
                        "Referrals by referring agency and month",
                        "Referring agency",
                        m,
                        "byReferringAgency"));
                matrices.add(
                        byMonth(key + "-district", "Referrals by district and month", "District", m, "byDistrict"));
            } else if ("problemProfileByDistrict".equals(key)) {
                matrices.add(profile(key, m));
            } else {
                Map<String, Object> flat = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    if (v instanceof Map<?, ?> nested) {
                        charts.add(chart(key + "-" + k, title[0] + ": " + words(k), "", (Map<String, Object>) nested));
                    } else if (isBreakdownSection(key)) {
                        flat.put(k, v);
                    } else {
                        figures.add(new Figure(words(k), String.valueOf(v)));
                    }
                });
                if (!flat.isEmpty()) {
                    charts.add(0, chart(key, title[0], "", flat));
                }
            }
            sections.add(new Section(key, title[0], title[1], headline, figures, charts, matrices));
        });
        return new DashboardView(sections);
    }

    private static boolean isBreakdownSection(String key) {
        return Set.of(
                        "openCasesByStage",
                        "openCasesByRisk",
                        "overdueTasksByAgency",
                        "escalationsByAgency",
                        "meetingActionsOverdue",
                        "riskLevelsAtScreening",
                        "professionalJudgements",
                        "closuresByReason")
                .contains(key);
    }

    private static String headlineOf(Map<String, Object> rate) {
        Object percent = rate.get("percent");
        if (percent == null) {
            return "Nothing was due";
        }
        return percent instanceof Number ? percent + "%" : words(percent.toString());
    }

    private static Chart rateChart(String id, String title, Map<String, Object> rate) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (String k : List.of("met", "notMet", "pending")) {
            cells.put(RATE_LABELS.get(k), rate.get(k));
        }
        return chart(id, title, "", cells, false);
    }

    static Chart chart(String id, String title, String labelHeader, Map<String, Object> cells) {
        return chart(id, title, labelHeader, cells, true);
    }

    private static Chart chart(
            String id, String title, String labelHeader, Map<String, Object> cells, boolean wordLabels) {
        double max = cells.values().stream()
                .filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .max()
                .orElse(0);
        List<Bar> bars = new ArrayList<>();
        cells.forEach((label, v) -> {
            int length = v instanceof Number n && max > 0 ? (int) Math.round(n.doubleValue() * 100 / max) : 0;
            bars.add(new Bar(wordLabels ? words(label) : label, v == null ? "0" : v.toString(), length));
        });
        return new Chart("chart-" + id, title, labelHeader.isEmpty() ? "Category" : labelHeader, bars);
    }

    @SuppressWarnings("unchecked")
    private static Matrix byMonth(String id, String title, String rowHeader, Map<String, Object> months, String part) {
        List<String> columns = new ArrayList<>(months.keySet());
        Set<String> rowKeys = new LinkedHashSet<>();
        months.values()
                .forEach(v -> rowKeys.addAll(((Map<String, Object>) ((Map<String, Object>) v).get(part)).keySet()));
        List<List<String>> rows = new ArrayList<>();
        for (String row : new java.util.TreeSet<>(rowKeys)) {
            List<String> cells = new ArrayList<>();
            cells.add(row);
            for (String month : columns) {
                Object v = ((Map<String, Object>) ((Map<String, Object>) months.get(month)).get(part)).get(row);
                cells.add(v == null ? "0" : v.toString());
            }
            rows.add(cells);
        }
        return new Matrix("table-" + id, title, rowHeader, columns, rows);
    }

    @SuppressWarnings("unchecked")
    private static Matrix profile(String id, Map<String, Object> districts) {
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        districts.forEach((district, v) -> {
            Map<String, Object> d = (Map<String, Object>) v;
            if (columns.isEmpty()) {
                d.keySet().forEach(k -> columns.add(words(k)));
            }
            List<String> cells = new ArrayList<>();
            cells.add(district);
            d.forEach((k, cell) -> {
                if (cell instanceof Map<?, ?> top) {
                    List<String> parts = new ArrayList<>();
                    top.forEach((code, n) -> parts.add(words(code.toString()) + " (" + n + ")"));
                    cells.add(parts.isEmpty() ? "None" : String.join(", ", parts));
                } else {
                    cells.add(String.valueOf(cell));
                }
            });
            rows.add(cells);
        });
        return new Matrix("table-" + id, "Problem profile by district", "District", columns, rows);
    }

    /** "URGENT_STRATEGY_MEETING" and "childrenSupportedNow" read as words. */
    static String words(String key) {
        if (key.equals(key.toUpperCase()) && key.contains("_")) {
            String w = key.replace('_', ' ').toLowerCase();
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        if (key.matches("[a-z]+([A-Z][a-z0-9]*)+")) {
            String w = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        if (key.equals(key.toUpperCase()) && key.length() > 3) {
            return Character.toUpperCase(key.charAt(0)) + key.substring(1).toLowerCase();
        }
        return key;
    }
}
