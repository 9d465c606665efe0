package uk.pathways.investigation.process;

import static uk.pathways.investigation.process.InvestigationReviewProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.investigation.Investigations;

/**
 * {@code ${recordInvestigationOutcome}}, the complete listener of "Update the police investigation and disruption": an
 * update that concludes the investigation records its outcome; no further action needs its reason and starts the
 * no-further-action review (its own small process, so the police track ends as before). The review's task, once
 * created, tells the outcome its process and due date ({@link RecordInvestigationReview}).
 */
@Component("recordInvestigationOutcome")
class RecordInvestigationOutcome implements TaskListener {

    private final Investigations investigations;
    private final Actors actors;

    RecordInvestigationOutcome(Investigations investigations, Actors actors) {
        this.investigations = investigations;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Submission submission = Submissions.of(task).orElse(null);
        if (submission == null || !submission.flag(CONCLUDED)) {
            return;
        }
        String outcome = blankAsNull(submission.text(OUTCOME));
        boolean nfa = Investigations.NO_FURTHER_ACTION.equals(outcome);
        String reason = nfa ? blankAsNull(submission.text(NFA_REASON)) : null;
        if (nfa && reason == null) {
            throw TaskInputRefused.of(NFA_REASON, "Select the reason there is no further action");
        }
        String caseId = uk.pathways.casefile.process.Variables.caseId(task);
        String reference = uk.pathways.casefile.process.Variables.reference(task);
        Actor actor = actors.current(List.of(Agency.POLICE.groupId()));
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), List.of(Agency.POLICE.groupId()));
        }
        String id = investigations.concluded(
                caseId,
                reference,
                outcome,
                reason,
                Now.instant(),
                actor.userId(),
                actor.agency() == null ? Agency.POLICE.groupId() : actor.agency(),
                task.getId());
        if (nfa) {
            startReview(task, id);
        }
    }

    /** The review, on the pathway's behalf (practitioners start no process themselves). */
    private void startReview(DelegateTask task, String investigationId) {
        CommandContext context = Context.getCommandContext();
        boolean checking = context != null && context.isAuthorizationCheckEnabled();
        if (checking) {
            context.disableAuthorizationCheck();
        }
        try {
            task.getProcessEngineServices()
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                            KEY,
                            task.getExecution().getProcessBusinessKey(),
                            Variables.createVariables()
                                    .putValue(CaseVariables.CASE_ID, task.getVariable(CaseVariables.CASE_ID))
                                    .putValue(CaseVariables.REFERENCE, task.getVariable(CaseVariables.REFERENCE))
                                    .putValue(
                                            CaseVariables.CHILD_DISPLAY_NAME,
                                            task.getVariable(CaseVariables.CHILD_DISPLAY_NAME))
                                    .putValue(INVESTIGATION_ID, investigationId));
        } finally {
            if (checking) {
                context.enableAuthorizationCheck();
            }
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
