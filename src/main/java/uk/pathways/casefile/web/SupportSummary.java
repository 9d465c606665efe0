package uk.pathways.casefile.web;

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
 * oldest first, with the change since the first), and the topics covered and onward referrals made over every
 * outreach contact, with how many contacts covered each.
 */
final class SupportSummary {

    static final List<String> AREAS = List.of(
            "wheelSafety", "wheelRelationships", "wheelHealth", "wheelEmotional", "wheelEducation", "wheelChoices");

    /** One area of the wheel: its label, its score at each wheel ("" where not scored), the change since the first. */
    public record Area(String label, List<String> scores, String change) {}

    /** An option covered, with the number of contacts that covered it. */
    public record Covered(String label, int contacts) {}

    private final List<String> wheelDates;
    private final List<Area> areas;
    private final List<Covered> topics;
    private final List<Covered> referrals;

    private SupportSummary(List<String> wheelDates, List<Area> areas, List<Covered> topics, List<Covered> referrals) {
        this.wheelDates = wheelDates;
        this.areas = areas;
        this.topics = topics;
        this.referrals = referrals;
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
        return !wheelDates.isEmpty() || !topics.isEmpty() || !referrals.isEmpty();
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
                covered(contacts, "onwardReferrals", wording));
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
