package uk.pathways.disruption.process;

import static uk.pathways.disruption.process.DisruptionOrderProcess.*;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.disruption.Disruption;
import uk.pathways.disruption.Disruptions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.web.InvalidInputException;

/**
 * {@code ${recordDisruptionExpiry}} on the expiry task: created, the task names the tactic, the entry and its expiry;
 * completed, the entry is renewed to a later expiry (the next expiry task follows), let lapse on its expiry day, or ended
 * with another outcome; either of the last two ends every clock of the entry.
 */
@Component("recordDisruptionExpiry")
class RecordDisruptionExpiry implements TaskListener {

    private final Disruptions disruptions;
    private final Actors actors;

    RecordDisruptionExpiry(Disruptions disruptions, Actors actors) {
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
                    .ifPresent(d -> task.setName("The "
                            + disruptions.properties().wording(d.tactic()).toLowerCase(Locale.ROOT) + " " + d.id()
                            + " expires on " + d.expiresOn() + ": renew it or let it end"));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        TaskFields fields = TaskFields.of(task);
        String decision = fields.text(EXPIRY_DECISION);
        Actor who = TaskFields.who(task, actors);
        try {
            if (RENEW.equals(decision)) {
                disruptions.renewed(id, fields.text(NEW_EXPIRES_ON), fields.text(EXPIRY_NOTES), who);
            } else if (LAPSE.equals(decision)) {
                disruptions.endedAtExpiry(id, Disruption.LAPSED, fields.text(EXPIRY_NOTES), who);
            } else if (END.equals(decision)) {
                disruptions.endedAtExpiry(id, fields.text(OUTCOME), fields.text(EXPIRY_NOTES), who);
            } else {
                throw TaskInputRefused.of(EXPIRY_DECISION, "Choose: renew it, let it lapse, or record its outcome");
            }
        } catch (InvalidInputException e) {
            throw new TaskInputRefused(e.problems());
        }
        Disruption entry = disruptions.find(id).orElseThrow();
        task.setVariable(DISRUPTION_ENDED, !entry.inForce());
        if (entry.inForce()) {
            task.setVariable(EXPIRY_NOTICE_AT, disruptions.noticeAt(entry.expiresOn()));
        }
    }
}
