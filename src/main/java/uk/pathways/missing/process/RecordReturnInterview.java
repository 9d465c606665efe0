package uk.pathways.missing.process;

import static uk.pathways.missing.process.MissingEpisodeProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.missing.MissingEpisodes;

/**
 * {@code ${recordReturnInterview}}: the interview's decisions (offered, accepted, CSE concern, information for
 * the police) become booleans the pathway routes on and the statutory return reads. An interview not offered
 * needs its reason and cannot have been accepted.
 */
@Component("recordReturnInterview")
class RecordReturnInterview implements TaskListener {

    private final MissingEpisodes episodes;
    private final Actors actors;

    RecordReturnInterview(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Submission recorded = Submissions.of(task).orElse(null);
        boolean accepted = flag(task, RHI_ACCEPTED);
        boolean cseConcern = flag(task, CSE_CONCERN);
        // contract section 5: rhiAccepted true means the interview was offered and held; "offered" is asked only of
        // an interview that was not accepted
        boolean offeredGiven = recorded != null && explicitly(recorded, RHI_OFFERED);
        boolean offered = offeredGiven ? recorded.flag(RHI_OFFERED) : accepted;
        if (!offered && accepted) {
            throw TaskInputRefused.of(
                    RHI_OFFERED,
                    "An interview that was not offered cannot have been accepted: "
                            + "tick \"offered\" or untick \"accepted\"");
        }
        if (offeredGiven && !offered && (recorded == null || recorded.text(NOT_OFFERED_REASON) == null)) {
            throw TaskInputRefused.of(NOT_OFFERED_REASON, "Say why the interview was not offered");
        }
        task.setVariable(RHI_OFFERED, offered);
        boolean forPolice = recorded != null && recorded.text(INFORMATION_FOR_POLICE) != null;
        task.setVariable(HAS_INFORMATION_FOR_POLICE, forPolice);
        List<String> groups = List.of(Agency.RHI_SERVICE.groupId());
        Actor actor = actors.current(groups);
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), groups);
        }
        episodes.recordInterview(Variables.reference(task), offered, accepted, cseConcern, forPolice, actor);
    }

    /** Reads a decision (the completion gate has made it a boolean); absent reads as false. */
    private static boolean flag(DelegateTask task, String name) {
        boolean result = Boolean.TRUE.equals(task.getVariable(name));
        task.setVariable(name, result);
        return result;
    }

    /** Whether the completion itself carried the field (a checkbox left out reads as its default, false). */
    private static boolean explicitly(Submission recorded, String field) {
        return recorded.sent().contains(field);
    }
}
