package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.OUTCOME_WHEEL_DUE;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Clocks;

/** {@code ${recordOutcomeWheel}}: the next outcome wheel falls due 6 weeks after this one was due. */
@Component("recordOutcomeWheel")
class RecordOutcomeWheel implements TaskListener {

    private final Clocks clocks;

    RecordOutcomeWheel(Clocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateTask task) {
        Object due = task.getVariable(OUTCOME_WHEEL_DUE);
        task.setVariable(OUTCOME_WHEEL_DUE, clocks.dueFrom("outcome-wheel", due instanceof Date d ? d : null));
    }
}
