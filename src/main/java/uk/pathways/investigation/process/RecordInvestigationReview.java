package uk.pathways.investigation.process;

import static uk.pathways.investigation.process.InvestigationReviewProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.investigation.Investigations;

/**
 * {@code ${recordInvestigationReview}}, the create and complete listener of the no-further-action review: created, the
 * review's process and due date go with the investigation's outcome; completed, at least one learning
 * theme; the themes and the summary to share are kept with the investigation's outcome for the quarterly learning
 * report (the whole form is the task's case-record entry, as for every task).
 */
@Component("recordInvestigationReview")
class RecordInvestigationReview implements TaskListener {

    private final Investigations investigations;
    private final Actors actors;

    RecordInvestigationReview(Investigations investigations, Actors actors) {
        this.investigations = investigations;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            investigations.reviewStarted(
                    Variables.text(task, INVESTIGATION_ID),
                    task.getProcessInstanceId(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant());
            return;
        }
        Submission submission = Submissions.of(task).orElse(null);
        List<String> themes = new ArrayList<>();
        if (submission != null && submission.field(LEARNING_THEMES) instanceof List<?> codes) {
            codes.forEach(c -> themes.add(c.toString()));
        }
        if (themes.isEmpty()) {
            throw TaskInputRefused.of(LEARNING_THEMES, "Select at least one learning theme");
        }
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        Actor actor = actors.current(groups);
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), groups);
        }
        investigations.reviewed(
                Variables.text(task, INVESTIGATION_ID),
                themes,
                submission.text(SHAREABLE_SUMMARY),
                actor.userId(),
                actor.agency(),
                Now.instant());
    }
}
