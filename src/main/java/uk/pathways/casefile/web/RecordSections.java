package uk.pathways.casefile.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.pathways.casefile.CaseView;
import uk.pathways.web.Display;
import uk.pathways.web.FormWording;

/**
 * The case record as the child's story (contract section 9, read back): what each agency recorded, in sections by
 * stage (referral, screening, strategy meeting, support, missing episodes, police, closure), oldest first within a
 * section, each entry in words with its task, agency, who and when. A superseded version stays, marked as replaced;
 * an entry restricted to some agencies says who may read it.
 */
final class RecordSections {

    /** One recorded entry in words. */
    public record Shown(
            String id,
            String task,
            String agency,
            String who,
            String when,
            List<Map.Entry<String, String>> fields,
            boolean superseded,
            String seenOnlyBy,
            String reference) {}

    /** A stage of the story with what was recorded in it. */
    public record Section(String id, String title, List<Shown> entries) {}

    private static final Map<String, String> TITLES = new LinkedHashMap<>();
    private static final Map<String, String> STAGE_OF = Map.ofEntries(
            Map.entry("referral", "referral"),
            Map.entry("screening", "screening"),
            Map.entry("early-help-plan", "screening"),
            Map.entry("schedule-strategy-meeting", "strategy-meeting"),
            Map.entry("agency-information", "strategy-meeting"),
            Map.entry("strategy-meeting", "strategy-meeting"),
            Map.entry("meeting-action", "strategy-meeting"),
            Map.entry("strategy-review", "strategy-meeting"),
            Map.entry("approve-review-override", "strategy-meeting"),
            Map.entry("section-47-enquiry", "strategy-meeting"),
            Map.entry("allocate-support-worker", "support"),
            Map.entry("safety-plan", "support"),
            Map.entry("outreach-contact", "support"),
            Map.entry("outcome-wheel", "support"),
            Map.entry("onward-referral", "support"),
            Map.entry("return-home-interview", "missing"),
            Map.entry("police-investigation", "police"),
            Map.entry("investigation-review", "police"),
            Map.entry("police-intelligence", "police"),
            Map.entry("closure-strategy", "closure"),
            Map.entry("closure-approval", "closure"),
            Map.entry("approve-case-closure", "closure"),
            Map.entry("approve-review-closure", "closure"));

    static {
        TITLES.put("referral", "Referrals");
        TITLES.put("screening", "Screening");
        TITLES.put("strategy-meeting", "Strategy meetings");
        TITLES.put("support", "Support");
        TITLES.put("missing", "Missing episodes: return home interviews");
        TITLES.put("police", "Police");
        TITLES.put("closure", "Closure");
        TITLES.put("other", "Other records");
    }

    private RecordSections() {}

    /** The sections that have entries, in the order of the pathway. */
    static List<Section> of(
            List<CaseView.RecordEntry> record,
            List<String> involved,
            FormWording wording,
            Display display,
            Function<String, String> people) {
        Map<String, List<Shown>> byStage = new LinkedHashMap<>();
        TITLES.keySet().forEach(stage -> byStage.put(stage, new ArrayList<>()));
        record.stream()
                .sorted(Comparator.comparing(CaseView.RecordEntry::recordedAt))
                .forEach(e -> {
                    String seenOnlyBy = e.visibleTo() != null && !e.visibleTo().containsAll(involved)
                            ? String.join(
                                    ", ",
                                    e.visibleTo().stream().map(display::agency).toList())
                            : null;
                    byStage.get(STAGE_OF.getOrDefault(e.kind(), "other"))
                            .add(new Shown(
                                    e.id(),
                                    wording.task(e.kind()),
                                    display.agency(e.agency()),
                                    people.apply(e.recordedBy()),
                                    display.dateTime(e.recordedAt()),
                                    wording.fields(e.kind(), e.fields()),
                                    e.supersededBy() != null,
                                    seenOnlyBy,
                                    e.reference()));
                });
        List<Section> sections = new ArrayList<>();
        byStage.forEach((stage, entries) -> {
            if (!entries.isEmpty()) {
                sections.add(new Section("record-" + stage, TITLES.get(stage), entries));
            }
        });
        return sections;
    }
}
