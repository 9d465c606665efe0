package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.SAFETY_PLAN_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Clocks;

/**
 * {@code ${safetyPlanReviewDue}}: the plan's review date has come; the safety plan task asks for the reviewed plan
 * within the {@code safety-plan-review} clock (5 working days), escalating to {@code rise-managers} when late.
 */
@Component("safetyPlanReviewDue")
class SafetyPlanReviewDue implements JavaDelegate {

    private final Clocks clocks;

    SafetyPlanReviewDue(Clocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SAFETY_PLAN_DUE, clocks.due("safety-plan-review"));
    }
}
