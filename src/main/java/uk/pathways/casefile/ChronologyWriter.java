package uk.pathways.casefile;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The one writer of the chronology and of decisions: every chronicled event, in the transaction that produced it. */
@Component
class ChronologyWriter {

    private final CaseFile caseFile;

    ChronologyWriter(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @EventListener
    void on(ChronicledEvent event) {
        if (event.caseId() != null) {
            caseFile.chronicle(event);
        }
    }

    @EventListener
    void on(DecisionEvent event) {
        caseFile.recordDecision(event.decision());
    }
}
