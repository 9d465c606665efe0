package uk.pathways.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.process.ModelProperties;
import uk.pathways.casefile.process.Variables;
import uk.pathways.referral.ReferralConcluded;

/**
 * {@code ${concludeReferral}}, on each end event of cse-referral: the referral ends with the end event's
 * {@code outcome} property, and the case closes if nothing else is open on it.
 */
@Component("concludeReferral")
class ConcludeReferral implements ExecutionListener {

    private final CaseFile caseFile;
    private final ApplicationEventPublisher events;
    private final Actors actors;

    ConcludeReferral(CaseFile caseFile, ApplicationEventPublisher events, Actors actors) {
        this.caseFile = caseFile;
        this.events = events;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseId = Variables.caseId(execution);
        String reference = Variables.reference(execution);
        String outcome =
                ModelProperties.of(execution.getBpmnModelElementInstance()).getOrDefault("outcome", "CLOSED");
        boolean closed = caseFile.concludeReferral(caseId, reference, outcome);
        events.publishEvent(new ReferralConcluded(
                caseId,
                reference,
                outcome,
                execution.getCurrentActivityName(),
                closed,
                actors.current(),
                Now.instant()));
    }
}
