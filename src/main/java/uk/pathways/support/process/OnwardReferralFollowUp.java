package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.ONWARD_REFERRAL_ID;
import static uk.pathways.referral.process.CseReferralProcess.ONWARD_REFERRAL_OPEN;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.support.OnwardReferral;
import uk.pathways.support.OnwardReferrals;

/**
 * {@code ${onwardReferralFollowUp}} on the {@code onward-referral} task: created, the task names the service it asks
 * about; completed, the referral takes the status recorded (an outcome or a refusal needs what the service said), and
 * the follow-up goes on until the referral is declined or its outcome recorded.
 */
@Component("onwardReferralFollowUp")
class OnwardReferralFollowUp implements TaskListener {

    static final String STATUS = "onwardReferralStatus";
    static final String NOTES = "onwardReferralNotes";

    private final OnwardReferrals onwardReferrals;
    private final Actors actors;

    OnwardReferralFollowUp(OnwardReferrals onwardReferrals, Actors actors) {
        this.onwardReferrals = onwardReferrals;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<OnwardReferral> referral = referral(task.getVariable(ONWARD_REFERRAL_ID), onwardReferrals);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            referral.ifPresent(
                    r -> task.setName("Follow up the onward referral to " + onwardReferrals.serviceName(r.service())));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName()) || referral.isEmpty()) {
            return;
        }
        Optional<Submission> submission = Submissions.of(task);
        String status = submission.map(s -> s.text(STATUS)).orElse(null);
        if (status == null || !OnwardReferral.STATUSES.contains(status)) {
            throw TaskInputRefused.of(STATUS, "Choose where the onward referral is now");
        }
        boolean concluded = OnwardReferral.DECLINED.equals(status) || OnwardReferral.OUTCOME_RECORDED.equals(status);
        String notes = submission.map(s -> s.text(NOTES)).orElse(null);
        if (concluded && (notes == null || notes.isBlank())) {
            throw TaskInputRefused.of(NOTES, "Enter what the service said: its outcome, or why it declined");
        }
        Actor actor = actors.current(List.of(Agency.RISE.groupId()));
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), List.of(Agency.RISE.groupId()));
        }
        onwardReferrals.setStatus(referral.get(), status, Now.instant(), actor, task.getId());
        task.setVariable(ONWARD_REFERRAL_OPEN, !concluded);
    }

    static Optional<OnwardReferral> referral(Object id, OnwardReferrals onwardReferrals) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return onwardReferrals.find(Long.parseLong(id.toString().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
