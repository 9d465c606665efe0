package uk.pathways.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.ChronicledEvent;

/** Every change of a case record is a chronicled event: each is audited in the same transaction. */
@Component
class CaseChangesAudited {

    private final AuditTrail audit;

    CaseChangesAudited(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(ChronicledEvent event) {
        if (event.caseId() == null) {
            return;
        }
        audit.record(
                event.actor().userId(),
                event.actor().agency(),
                AuditEntry.CHANGE,
                AuditEntry.DOOR_ENGINE,
                event.caseId(),
                event.reference(),
                event.eventType() + ": " + event.summary(),
                null);
    }
}
