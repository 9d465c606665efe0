package uk.pathways.casefile.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.pathways.casefile.CaseView;
import uk.pathways.web.Display;
import uk.pathways.web.FormWording;

/**
 * RISE support read across its entries: the outcome wheel's scores over time (one row an area, one column a wheel,
 * oldest first, with the change since the first) and as a line chart of the same figures; the topics covered and
 * onward referrals made over every outreach contact, with how many contacts covered each; the last successful contact
 * (at its real time); and the safety plan's versions with their review dates.
 */
final class SupportSummary {

    static final List<String> AREAS = List.of(
            "wheelSafety", "wheelRelationships", "wheelHealth", "wheelEmotional", "wheelEducation", "wheelChoices");

    /** One area of the wheel: its label, its score at each wheel ("" where not scored), the change since the first. */
    public record Area(String label, List<String> scores, String change) {}

    /** An option covered, with the number of contacts that covered it. */
    public record Covered(String label, int contacts) {}

    /** One version of the safety plan: when it was made, its review date, and whether a later one replaced it. */
    /** {@code reviewBy} in words, or null where the plan (made before review dates) has none. */
    public record PlanVersion(int version, String entryId, Instant madeAt, String reviewBy, boolean current) {}

    /** A point of the chart: where it is drawn and the score it stands for. */
    public record Point(int x, int y, int score, String date) {}

    /** One area's line: its label, colour, dash pattern and marker, and its points, oldest first. */
    public record Line(String label, String colour, String dash, String marker, String points, List<Point> marks) {
        public Point last() {
            return marks.get(marks.size() - 1);
        }
    }

    /** A tick of an axis: where it is and what it says. */
    public record Tick(int at, String text) {}

    /**
     * The outcome wheel as an inline SVG line chart (drawn by the case page): one line an area, scores 1 to 10 up the
     * side, the wheels' dates along the bottom. The table of the same figures stays beside it for screen readers.
     */
    public record Chart(
            int width,
            int height,
            int left,
            int right,
            int top,
            int bottom,
            List<Line> lines,
            List<Tick> dates,
            List<Tick> scores,
            String description) {}

    /** The chart's frame: the plot sits inside these margins. */
    static final int WIDTH = 800;

    static final int HEIGHT = 300;
    static final int LEFT = 40;
    static final int RIGHT = 500;
    static final int TOP = 16;
    static final int BOTTOM = 260;
    /** GOV.UK colours, with a dash pattern and a marker each, so that no line is told from another by colour alone. */
    private static final List<String> COLOURS =
            List.of("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#28a197");

    private static final List<String> DASHES = List.of("", "8 4", "2 3", "10 3 2 3", "5 5", "1 6");
    private static final List<String> MARKERS = List.of("circle", "square", "triangle", "diamond", "circle", "square");

    private final List<String> wheelDates;
    private final List<Area> areas;
    private final List<Covered> topics;
    private final List<Covered> referrals;
    private final Chart chart;
    private final List<PlanVersion> plans;
    private final Instant lastSuccessfulContact;

    private SupportSummary(
            List<String> wheelDates,
            List<Area> areas,
            List<Covered> topics,
            List<Covered> referrals,
            Chart chart,
            List<PlanVersion> plans,
            Instant lastSuccessfulContact) {
        this.wheelDates = wheelDates;
        this.areas = areas;
        this.topics = topics;
        this.referrals = referrals;
        this.chart = chart;
        this.plans = plans;
        this.lastSuccessfulContact = lastSuccessfulContact;
    }

    /** The wheel's chart; null with no wheel recorded. */
    public Chart chart() {
        return chart;
    }

    /** The safety plan's versions, oldest first. */
    public List<PlanVersion> plans() {
        return plans;
    }

    /** When the last successful outreach contact happened (as recorded, not when it was typed); null if none. */
    public Instant lastSuccessfulContact() {
        return lastSuccessfulContact;
    }

    public List<String> wheelDates() {
        return wheelDates;
    }

    public List<Area> areas() {
        return areas;
    }

    public List<Covered> topics() {
        return topics;
    }

    public List<Covered> referrals() {
        return referrals;
    }

    public boolean any() {
        return !wheelDates.isEmpty()
                || !topics.isEmpty()
                || !referrals.isEmpty()
                || !plans.isEmpty()
                || lastSuccessfulContact != null;
    }

    static SupportSummary of(List<CaseView.RecordEntry> record, FormWording wording, Display display) {
        List<CaseView.RecordEntry> wheels = record.stream()
                .filter(e -> "outcome-wheel".equals(e.kind()))
                .sorted(Comparator.comparing(CaseView.RecordEntry::recordedAt))
                .toList();
        List<String> dates = wheels.stream()
                .map(e -> display.date(java.util.Date.from(e.recordedAt())))
                .toList();
        List<Area> areas = new ArrayList<>();
        for (String area : AREAS) {
            List<String> scores = new ArrayList<>();
            Integer first = null;
            Integer last = null;
            for (CaseView.RecordEntry wheel : wheels) {
                Object score = wheel.fields().get(area);
                scores.add(score == null ? "" : score.toString());
                if (score instanceof Number n) {
                    first = first == null ? n.intValue() : first;
                    last = n.intValue();
                }
            }
            String change = first == null || wheels.size() < 2
                    ? ""
                    : last > first ? "Up " + (last - first) : last < first ? "Down " + (first - last) : "No change";
            areas.add(new Area(wording.label("outcome-wheel", area), scores, change));
        }
        List<CaseView.RecordEntry> contacts =
                record.stream().filter(e -> "outreach-contact".equals(e.kind())).toList();
        return new SupportSummary(
                dates,
                wheels.isEmpty() ? List.of() : areas,
                covered(contacts, "topicsCovered", wording),
                covered(contacts, "onwardReferrals", wording),
                wheels.isEmpty() ? null : chart(wheels, dates, wording),
                plans(record, display),
                lastSuccessfulContact(contacts));
    }

    static Chart chart(List<CaseView.RecordEntry> wheels, List<String> dates, FormWording wording) {
        int n = wheels.size();
        List<Tick> dateTicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dateTicks.add(new Tick(x(i, n), dates.get(i)));
        }
        List<Tick> scoreTicks = new ArrayList<>();
        for (int score = 1; score <= 10; score++) {
            scoreTicks.add(new Tick(y(score), String.valueOf(score)));
        }
        List<Line> lines = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (int a = 0; a < AREAS.size(); a++) {
            String area = AREAS.get(a);
            List<Point> marks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (wheels.get(i).fields().get(area) instanceof Number score) {
                    int clamped = Math.max(1, Math.min(10, score.intValue()));
                    marks.add(new Point(x(i, n), y(clamped), score.intValue(), dates.get(i)));
                }
            }
            if (marks.isEmpty()) {
                continue;
            }
            String label = wording.label("outcome-wheel", area);
            lines.add(new Line(
                    label,
                    COLOURS.get(a % COLOURS.size()),
                    DASHES.get(a % DASHES.size()),
                    MARKERS.get(a % MARKERS.size()),
                    String.join(
                            " ", marks.stream().map(p -> p.x() + "," + p.y()).toList()),
                    marks));
            said.add(label + " "
                    + String.join(
                            ", then ",
                            marks.stream().map(p -> String.valueOf(p.score())).toList()));
        }
        String description = "Outcome wheel scores from 1 (worst) to 10 (best) at " + n
                + (n == 1 ? " wheel, " : " wheels, ") + dates.get(0)
                + (n > 1 ? " to " + dates.get(n - 1) : "") + ": " + String.join("; ", said) + ".";
        return new Chart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, lines, dateTicks, scoreTicks, description);
    }

    /** Where the i-th of n wheels is drawn across the plot (one wheel in the middle). */
    static int x(int i, int n) {
        return n == 1 ? (LEFT + RIGHT) / 2 : LEFT + 20 + i * (RIGHT - LEFT - 40) / (n - 1);
    }

    /** Where a score of 1 to 10 is drawn up the plot. */
    static int y(int score) {
        return BOTTOM - (score - 1) * (BOTTOM - TOP) / 9;
    }

    /** The safety plan's versions, oldest first: each revision supersedes the one before. */
    static List<PlanVersion> plans(List<CaseView.RecordEntry> record, Display display) {
        List<CaseView.RecordEntry> plans = record.stream()
                .filter(e -> "safety-plan".equals(e.kind()))
                .sorted(Comparator.comparing(CaseView.RecordEntry::recordedAt))
                .toList();
        List<PlanVersion> versions = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            CaseView.RecordEntry plan = plans.get(i);
            Object review = plan.fields().get("reviewDate");
            versions.add(new PlanVersion(
                    i + 1, plan.id(), plan.recordedAt(), reviewBy(review, display), plan.supersededBy() == null));
        }
        return versions;
    }

    private static String reviewBy(Object review, Display display) {
        if (review == null || review.toString().isBlank()) {
            return null;
        }
        try {
            return display.date(java.time.LocalDate.parse(review.toString().strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return review.toString();
        }
    }

    /** The latest real time of a successful contact, as the contacts recorded it. */
    static Instant lastSuccessfulContact(List<CaseView.RecordEntry> contacts) {
        Instant last = null;
        for (CaseView.RecordEntry contact : contacts) {
            if (!"SUCCESSFUL".equals(String.valueOf(contact.fields().get("contactOutcome")))) {
                continue;
            }
            Instant at;
            try {
                at = uk.pathways.casefile.process.Dates.parse(contact.fields().get("contactAt"))
                        .orElse(contact.recordedAt());
            } catch (IllegalArgumentException e) {
                at = contact.recordedAt();
            }
            if (last == null || at.isAfter(last)) {
                last = at;
            }
        }
        return last;
    }

    private static List<Covered> covered(List<CaseView.RecordEntry> contacts, String field, FormWording wording) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CaseView.RecordEntry contact : contacts) {
            if (contact.fields().get(field) instanceof List<?> chosen) {
                chosen.forEach(code -> counts.merge(String.valueOf(code), 1, Integer::sum));
            }
        }
        List<Covered> covered = new ArrayList<>();
        counts.forEach((code, n) -> covered.add(new Covered(wording.value("outreach-contact", field, code), n)));
        return covered;
    }
}
