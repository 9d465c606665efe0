package uk.pathways.disruption.process;

import static uk.pathways.disruption.process.DisruptionOrderProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.disruption.Disruption;
import uk.pathways.disruption.Disruptions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.web.InvalidInputException;

/**
 * {@code ${recordDisruptionReview}} on the review task: created, the task names the tactic and the entry; completed,
 * the review goes to the register (a breach seen since, still needed or not, the notes): still needed, the next review
 * comes after the tactic's review period; not needed, the outcome ends the entry and all its clocks.
 */
@Component("recordDisruptionReview")
class RecordDisruptionReview implements TaskListener {

    private final Disruptions disruptions;
    private final Actors actors;

    RecordDisruptionReview(Disruptions disruptions, Actors actors) {
        this.disruptions = disruptions;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        String id = Variables.text(task, DISRUPTION_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(DISRUPTION_ID, id);
            disruptions
                    .find(id)
                    .ifPresent(d -> task.setName("Review the "
                            + disruptions.properties().wording(d.tactic()).toLowerCase(java.util.Locale.ROOT) + " "
                            + d.id()));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        TaskFields fields = TaskFields.of(task);
        if (fields.text(STILL_NEEDED) == null) {
            throw TaskInputRefused.of(STILL_NEEDED, "Say whether the tactic is still needed");
        }
        boolean stillNeeded = fields.flag(STILL_NEEDED);
        try {
            disruptions.reviewed(
                    id,
                    stillNeeded,
                    fields.text(BREACHED_ON),
                    fields.text(BREACH_NOTE),
                    fields.text(OUTCOME),
                    fields.text(REVIEW_NOTES),
                    TaskFields.who(task, actors));
        } catch (InvalidInputException e) {
            throw new TaskInputRefused(e.problems());
        }
        Disruption entry = disruptions.find(id).orElseThrow();
        task.setVariable(DISRUPTION_ENDED, !entry.inForce());
        if (entry.inForce()) {
            task.setVariable(REVIEW_AT, disruptions.reviewAt(entry.reviewOn()));
        }
    }
}
