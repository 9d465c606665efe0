package uk.pathways.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.AccessGranted;
import uk.pathways.casefile.AccessRequested;
import uk.pathways.casefile.CaseRead;

/** Reads of case records (and refusals), and access asked for and granted with their reasons. */
@Component
class CaseReadsAudited {

    private final AuditTrail audit;

    CaseReadsAudited(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(CaseRead read) {
        audit.recordAlone(
                read.userId(),
                read.agency(),
                read.refused() ? AuditEntry.ACCESS_REFUSED : AuditEntry.READ,
                read.door(),
                read.caseId(),
                read.what(),
                null,
                null);
    }

    @EventListener
    void on(uk.pathways.casefile.CaseSearched searched) {
        audit.recordAlone(
                searched.userId(),
                searched.agency(),
                AuditEntry.SEARCH,
                searched.door(),
                null,
                "case search",
                searched.caseIds().size() + " found: " + String.join(", ", searched.caseIds()),
                searched.terms());
        for (String caseId : searched.caseIds()) {
            audit.recordAlone(
                    searched.userId(),
                    searched.agency(),
                    AuditEntry.FOUND_IN_SEARCH,
                    searched.door(),
                    caseId,
                    "case search",
                    null,
                    searched.terms());
        }
    }

    @EventListener
    void on(AccessRequested requested) {
        audit.record(
                requested.actor().userId(),
                requested.actor().agency(),
                AuditEntry.ACCESS_REQUESTED,
                AuditEntry.DOOR_API,
                requested.caseId(),
                "access request " + requested.requestId(),
                null,
                requested.reason());
    }

    @EventListener
    void on(AccessGranted granted) {
        audit.record(
                granted.actor().userId(),
                granted.actor().agency(),
                AuditEntry.ACCESS_GRANTED,
                AuditEntry.DOOR_API,
                granted.caseId(),
                "access request " + granted.requestId(),
                "granted to " + granted.agency(),
                granted.reason());
    }
}
