package uk.pathways.screening.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;

/**
 * {@code ${screeningJudgement}}, the complete listener of "Screen the referral" and "Hold the strategy review": a
 * professional judgement (a risk
 * level other than the threshold's) needs its reason, which goes to the case record with the rest of the form; the
 * judgement itself is set on the process, blank as no judgement, so that an earlier screening's never lingers.
 */
@Component("screeningJudgement")
class ScreeningJudgement implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object level = task.getVariable(ScreeningVariables.OVERRIDE_RISK_LEVEL);
        boolean judged = level != null && !level.toString().isBlank();
        if (judged) {
            String reason = Submissions.of(task)
                    .map(s -> s.text(ScreeningVariables.OVERRIDE_REASON))
                    .orElse(null);
            if (reason == null || reason.isBlank()) {
                throw TaskInputRefused.of(
                        ScreeningVariables.OVERRIDE_REASON,
                        "Give the reason your judgement differs from the threshold, for the manager who agrees it");
            }
        }
        task.getExecution().setVariable(ScreeningVariables.OVERRIDE_RISK_LEVEL, judged ? level.toString() : null);
    }
}
