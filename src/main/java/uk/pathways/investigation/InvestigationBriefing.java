package uk.pathways.investigation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.BriefingSource;
import uk.pathways.casefile.CaseView;

/**
 * Beside the no-further-action review, the investigation as the police concluded it: outcome, reason, when and by
 * whom, and the case's earlier concluded investigations. The police's own entries follow from the case record (for
 * readers who may read them).
 */
@Component
class InvestigationBriefing implements BriefingSource {

    static final String KIND = "investigation-outcome";

    private final Investigations investigations;

    InvestigationBriefing(Investigations investigations) {
        this.investigations = investigations;
    }

    @Override
    public List<CaseView.RecordEntry> forTask(String caseId, String taskKey, String processInstanceId) {
        if (!"investigation-review".equals(taskKey)) {
            return List.of();
        }
        return investigations.ofCase(caseId).stream()
                .sorted((a, b) -> Boolean.compare(
                        processInstanceId.equals(b.reviewProcessInstanceId()),
                        processInstanceId.equals(a.reviewProcessInstanceId())))
                .limit(5)
                .map(InvestigationBriefing::entry)
                .toList();
    }

    private static CaseView.RecordEntry entry(Investigations.Outcome o) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("investigationOutcome", o.outcome() == null ? "Not recorded" : o.outcome());
        if (o.nfaReason() != null) {
            fields.put("nfaReason", o.nfaReason());
        }
        fields.put("concluded", o.concludedAt().toString());
        if (o.reviewState() != null) {
            fields.put("review", o.reviewState());
        }
        return new CaseView.RecordEntry(
                "investigation-" + o.id(),
                KIND,
                o.recordedAgency() == null ? Agency.POLICE.groupId() : o.recordedAgency(),
                o.recordedBy(),
                o.concludedAt(),
                null,
                o.reference(),
                List.of(),
                fields,
                null,
                null,
                o.reviewProcessInstanceId());
    }
}
