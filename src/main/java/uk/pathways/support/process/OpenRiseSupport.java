package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Clocks;
import uk.pathways.calendar.Now;

/**
 * {@code ${openRiseSupport}}: starts RISE's clocks at acceptance: the safety plan in 5 working days, the
 * first outcome wheel with it, and the assertive-outreach clock from now (no successful contact yet).
 */
@Component("openRiseSupport")
class OpenRiseSupport implements JavaDelegate {

    private final Clocks clocks;

    OpenRiseSupport(Clocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object acceptedAt = execution.getVariable("meetingHeldAt");
        Date start = acceptedAt instanceof Date d ? d : Date.from(Now.instant());
        Date safetyPlanDue = clocks.dueFrom("safety-plan", start);
        execution.setVariable(SAFETY_PLAN_DUE, safetyPlanDue);
        execution.setVariable(OUTCOME_WHEEL_DUE, safetyPlanDue);
        execution.setVariable(LAST_SUCCESSFUL_CONTACT_AT, start);
    }
}
