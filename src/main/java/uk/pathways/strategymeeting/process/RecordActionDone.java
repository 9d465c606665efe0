package uk.pathways.strategymeeting.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.process.Variables;
import uk.pathways.strategymeeting.StrategyMeetings;

/**
 * {@code ${recordActionDone}}: the owner agency recorded what it did about a meeting's action (the words are the task's
 * case-record entry); the action is done.
 */
@Component("recordActionDone")
class RecordActionDone implements TaskListener {

    private final StrategyMeetings meetings;
    private final Actors actors;

    RecordActionDone(StrategyMeetings meetings, Actors actors) {
        this.meetings = meetings;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Actor who = actors.current();
        String by = who == Actor.SYSTEM && task.getAssignee() != null ? task.getAssignee() : who.userId();
        // an action with no case (a panel's, on a subject) keeps what was done with the action: no case record has it
        String outcome = Variables.caseId(task) == null
                ? uk.pathways.gate.Submissions.of(task)
                        .map(s -> s.text(MeetingActionProcess.ACTION_DONE))
                        .orElse(null)
                : null;
        meetings.done(Variables.text(task, MeetingActionProcess.ACTION_ID), by, Now.instant(), outcome);
    }
}
