package uk.pathways.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.BriefingSource;
import uk.pathways.casefile.CaseView;
import uk.pathways.panel.process.PanelProcess;
import uk.pathways.strategymeeting.StrategyMeetings;

/**
 * Beside the co-chair's task, the panel's agenda as that co-chair may see it (a police-only subject to the police
 * alone, a child's name to an agency that may read the case); beside a panel's action on a subject, the subject.
 */
@Component
class PanelBriefing implements BriefingSource {

    static final String ITEM = "exploitation-panel-item";
    static final String SUBJECT = "subject-of-concern";

    private final PanelReader reader;
    private final StrategyMeetings meetings;

    PanelBriefing(PanelReader reader, StrategyMeetings meetings) {
        this.reader = reader;
        this.meetings = meetings;
    }

    @Override
    public List<CaseView.RecordEntry> forTask(String caseId, String taskKey, String processInstanceId) {
        return List.of();
    }

    @Override
    public List<CaseView.RecordEntry> forTaskWithoutCase(String taskKey, String processInstanceId, String readerId) {
        if (PanelProcess.TASK_DECISIONS.equals(taskKey)) {
            PanelReader.PanelView panel = reader.read(readerId, processInstanceId, "PAGE");
            List<CaseView.RecordEntry> agenda = new ArrayList<>();
            for (PanelReader.AgendaItem item : panel.agenda()) {
                agenda.add(entry(
                        "item-" + item.position(), ITEM, "Item " + item.position(), panel.preparedAt(), fields(item)));
            }
            return agenda;
        }
        if ("meeting-action".equals(taskKey)) {
            return meetings.actionOfProcess(processInstanceId).stream()
                    .filter(a -> a.subjectId() != null)
                    .flatMap(a -> reader.subject(readerId, a.subjectId()).stream()
                            .map(s -> entry(
                                    "subject-" + s.subjectId(),
                                    SUBJECT,
                                    "The subject of the action",
                                    a.agreedAt() == null ? a.due() : a.agreedAt(),
                                    subjectFields(s, new LinkedHashMap<>()))))
                    .toList();
        }
        return List.of();
    }

    static Map<String, Object> fields(PanelReader.AgendaItem item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("item", item.position());
        fields.put("agendaKind", PanelWording.kind(item.kind()));
        if (item.caseId() != null) {
            fields.put("case", item.caseId());
            fields.put(
                    "child",
                    item.caseReadable()
                            ? item.child() + (item.district() == null ? "" : ", " + item.district())
                            : "Your agency is not involved in this case: ask its agencies");
        }
        if (item.subject() != null) {
            subjectFields(item.subject(), fields);
        }
        if (item.action() != null) {
            PanelReader.ActionView a = item.action();
            fields.put("actionOwner", a.owner());
            fields.put("actionDue", a.due().toString());
            if (a.description() != null) {
                fields.put("action", a.description());
            }
        }
        return fields;
    }

    private static Map<String, Object> subjectFields(PanelReader.SubjectView s, Map<String, Object> fields) {
        fields.put("subject", s.subjectId() + ": " + s.label());
        fields.put("subjectKind", s.kind() + " (" + s.category() + ")");
        if (s.district() != null) {
            fields.put("district", s.district());
        }
        fields.put("concernLevel", s.concernLevel());
        return fields;
    }

    private static CaseView.RecordEntry entry(
            String id, String kind, String title, java.time.Instant at, Map<String, Object> fields) {
        return new CaseView.RecordEntry(id, kind, null, title, at, null, null, List.of(), fields, null, null, null);
    }
}
