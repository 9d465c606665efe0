package uk.pathways.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseMergeUndone;
import uk.pathways.casefile.CasesMerged;

/** A merge of two cases and its undoing, with the reason, in both cases' audit trails, in the change's transaction. */
@Component
class MergesAudited {

    private final AuditTrail audit;

    MergesAudited(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(CasesMerged merged) {
        for (String caseId : new String[] {merged.survivingCaseId(), merged.mergedCaseId()}) {
            audit.record(
                    merged.actor().userId(),
                    merged.actor().agency(),
                    AuditEntry.CHANGE,
                    AuditEntry.DOOR_API,
                    caseId,
                    "merge " + merged.mergeId(),
                    "case " + merged.mergedCaseId() + " merged into " + merged.survivingCaseId(),
                    merged.reason());
        }
    }

    @EventListener
    void on(CaseMergeUndone undone) {
        for (String caseId : new String[] {undone.survivingCaseId(), undone.mergedCaseId()}) {
            audit.record(
                    undone.actor().userId(),
                    undone.actor().agency(),
                    AuditEntry.CHANGE,
                    AuditEntry.DOOR_API,
                    caseId,
                    "merge " + undone.mergeId(),
                    "merge of case " + undone.mergedCaseId() + " into " + undone.survivingCaseId() + " undone",
                    undone.reason());
        }
    }
}
