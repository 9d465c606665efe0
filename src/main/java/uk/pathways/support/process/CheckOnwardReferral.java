package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.ONWARD_REFERRAL_ID;
import static uk.pathways.referral.process.CseReferralProcess.ONWARD_REFERRAL_OPEN;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.support.OnwardReferral;
import uk.pathways.support.OnwardReferrals;

/**
 * {@code ${checkOnwardReferral}}: when the reminder comes, whether the onward referral still waits for its outcome (a
 * later contact may have recorded it meanwhile); local to its follow-up, so each referral has its own answer.
 */
@Component("checkOnwardReferral")
class CheckOnwardReferral implements JavaDelegate {

    private final OnwardReferrals onwardReferrals;

    CheckOnwardReferral(OnwardReferrals onwardReferrals) {
        this.onwardReferrals = onwardReferrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean open = OnwardReferralFollowUp.referral(execution.getVariable(ONWARD_REFERRAL_ID), onwardReferrals)
                .map(OnwardReferral::open)
                .orElse(false);
        execution.setVariableLocal(ONWARD_REFERRAL_OPEN, open);
    }
}
