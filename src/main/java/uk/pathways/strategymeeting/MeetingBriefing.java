package uk.pathways.strategymeeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.BriefingSource;
import uk.pathways.casefile.CaseView;

/**
 * Beside an action's task, the action as the meeting agreed it; beside the strategy review, every action agreed for
 * the child with its owner, due date and state, so that the review checks them.
 */
@Component
class MeetingBriefing implements BriefingSource {

    static final String KIND = "action-agreed-at-the-strategy-meeting";

    private final StrategyMeetings meetings;

    MeetingBriefing(StrategyMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<CaseView.RecordEntry> forTask(String caseId, String taskKey, String processInstanceId) {
        return switch (taskKey) {
            case "meeting-action" ->
                meetings.actionOfProcess(processInstanceId).stream()
                        .map(MeetingBriefing::entry)
                        .toList();
            case "strategy-review" ->
                meetings.actionsOfCase(caseId).stream()
                        .limit(20)
                        .map(MeetingBriefing::entry)
                        .toList();
            default -> List.of();
        };
    }

    /** A panel's action on a subject has no case: its owner still sees the action beside the form. */
    @Override
    public List<CaseView.RecordEntry> forTaskWithoutCase(String taskKey, String processInstanceId, String reader) {
        return "meeting-action".equals(taskKey)
                ? meetings.actionOfProcess(processInstanceId).stream()
                        .map(MeetingBriefing::entry)
                        .toList()
                : List.of();
    }

    private static CaseView.RecordEntry entry(StrategyMeetings.Action a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", a.description());
        fields.put("owner", a.owner());
        fields.put("due", a.due().toString());
        fields.put(
                "state",
                switch (a.state()) {
                    case StrategyMeetings.DONE -> "Done";
                    case StrategyMeetings.OVERDUE -> "Overdue";
                    default -> "Open";
                });
        if (a.doneAt() != null) {
            fields.put("done", a.doneAt().toString());
        }
        return new CaseView.RecordEntry(
                "action-" + a.id(),
                KIND,
                Agency.CHILDRENS_SERVICES.groupId(),
                a.panelId() == null ? "Agreed at the strategy meeting" : "Agreed at the exploitation panel",
                a.agreedAt() == null ? a.due() : a.agreedAt(),
                null,
                a.reference(),
                List.of(),
                fields,
                null,
                null,
                a.processInstanceId());
    }
}
