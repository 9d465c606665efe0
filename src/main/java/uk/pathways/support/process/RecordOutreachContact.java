package uk.pathways.support.process;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.PathwayEvent;

import static uk.pathways.referral.process.CseReferralProcess.*;

/**
 * {@code ${recordOutreachContact}}: each attempt is logged; a successful one restarts the 10 working day
 * assertive-outreach clock. Where and what was said go to the case record (the task's caseRecord fields).
 */
@Component("recordOutreachContact")
class RecordOutreachContact implements TaskListener {

    static final String CONTACT_OUTCOME = "contactOutcome";
    static final String SUCCESSFUL = "SUCCESSFUL";

    private final ApplicationEventPublisher events;
    private final Actors actors;

    RecordOutreachContact(ApplicationEventPublisher events, Actors actors) {
        this.events = events;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(CONTACT_OUTCOME);
        if (outcome == null || outcome.toString().isBlank()) {
            throw new IllegalArgumentException("Enter the outcome of the contact");
        }
        boolean successful = SUCCESSFUL.equals(outcome.toString());
        task.setVariable(CONTACT_SUCCESSFUL, successful);
        if (successful) {
            task.setVariable(LAST_SUCCESSFUL_CONTACT_AT, Date.from(Now.instant()));
        }
        task.setVariable(PROPOSE_CLOSURE, Boolean.TRUE.equals(task.getVariable(PROPOSE_CLOSURE)));
        events.publishEvent(PathwayEvent.of((String) task.getVariable(CaseVariables.CASE_ID),
                (String) task.getVariable(CaseVariables.REFERENCE), "OUTREACH_CONTACT",
                "Outreach contact: " + outcome + (Boolean.TRUE.equals(task.getVariable(PROPOSE_CLOSURE)) ? "; closure proposed" : ""),
                actors.current(List.of(Agency.RISE.groupId()))));
    }
}
