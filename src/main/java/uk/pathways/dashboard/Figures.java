package uk.pathways.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How figures are shown to a reader. Managers see exact numbers; readers in {@code performance} (the
 * safeguarding board) see small-number suppression: a count from 1 to 4 is "fewer than 5", and a figure
 * from which such a count could be worked out (the other cell of a rate, a lone second cell of a
 * breakdown) is "suppressed". Zero is shown: it reveals no child. Public: other modules' reports (the disruption
 * report) suppress the same way.
 */
public abstract class Figures {

    static final String FEWER_THAN_5 = "fewer than 5";
    static final String SUPPRESSED = "suppressed";

    public static Figures exact() {
        return new Figures() {
            @Override
            public Object count(long n) {
                return n;
            }

            @Override
            public boolean suppresses() {
                return false;
            }
        };
    }

    public static Figures suppressed() {
        return new Figures() {
            @Override
            public Object count(long n) {
                return small(n) ? FEWER_THAN_5 : n;
            }

            @Override
            public boolean suppresses() {
                return true;
            }
        };
    }

    public abstract Object count(long n);

    public abstract boolean suppresses();

    static boolean small(long n) {
        return n >= 1 && n <= 4;
    }

    /**
     * Counts by category, in the given order. Suppressed: each count from 1 to 4, and if only one cell was
     * suppressed, the next smallest non-zero cell too, so that a total cannot give the small one away.
     */
    public Map<String, Object> breakdown(Map<String, Long> cells) {
        Map<String, Object> shown = new LinkedHashMap<>();
        cells.forEach((k, v) -> shown.put(k, count(v)));
        if (suppresses()) {
            long primary = cells.values().stream().filter(Figures::small).count();
            if (primary == 1) {
                cells.entrySet().stream()
                        .filter(e -> e.getValue() >= 5)
                        .min(Comparator.comparingLong(Map.Entry::getValue))
                        .ifPresent(e -> shown.put(e.getKey(), SUPPRESSED));
            }
        }
        return shown;
    }

    /**
     * A timeliness rate: of {@code total} cases due, {@code met} were in time; {@code pending} are not yet due
     * and not counted. Suppressed: if met or not met is 1 to 4, both and the percentage are hidden.
     */
    Map<String, Object> rate(long met, long total, long pending) {
        long notMet = total - met;
        Map<String, Object> shown = new LinkedHashMap<>();
        boolean hide = suppresses() && (small(met) || small(notMet));
        if (total > 0) {
            shown.put("percent", hide ? SUPPRESSED : Math.round(met * 1000.0 / total) / 10.0);
        }
        shown.put("met", hide && !small(met) ? SUPPRESSED : count(met));
        shown.put("notMet", hide && !small(notMet) ? SUPPRESSED : count(notMet));
        shown.put("total", count(total));
        shown.put("pending", count(pending));
        return shown;
    }

    /** An average over {@code n} children; hidden when fewer than 5 children are behind it. */
    Object average(double sum, long n) {
        if (n == 0) {
            return "no children";
        }
        if (suppresses() && small(n)) {
            return SUPPRESSED;
        }
        return Math.round(sum * 10.0 / n) / 10.0;
    }

    /** Turns a nested figure map into rows of (dotted key, value), for CSV. */
    static List<Map.Entry<String, Object>> flatten(Map<String, Object> figures) {
        List<Map.Entry<String, Object>> rows = new ArrayList<>();
        flatten("", figures, rows);
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, List<Map.Entry<String, Object>> rows) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, rows));
        } else if (value instanceof List<?> list) {
            rows.add(Map.entry(prefix, list.size() + " item(s)"));
        } else {
            rows.add(Map.entry(prefix, value));
        }
    }
}
