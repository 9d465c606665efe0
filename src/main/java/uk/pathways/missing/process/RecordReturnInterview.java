package uk.pathways.missing.process;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.missing.MissingEpisodes;

import static uk.pathways.missing.process.MissingEpisodeProcess.*;

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
        boolean offered = flag(task, RHI_OFFERED);
        boolean accepted = flag(task, RHI_ACCEPTED);
        boolean cseConcern = flag(task, CSE_CONCERN);
        if (!offered && accepted) {
            throw new BadUserRequestException("An interview that was not offered cannot have been accepted: tick \"offered\" or untick \"accepted\"");
        }
        if (!offered && blank(task.getVariableLocal(NOT_OFFERED_REASON))) {
            throw new BadUserRequestException("Say why the interview was not offered");
        }
        boolean forPolice = !blank(task.getVariableLocal(INFORMATION_FOR_POLICE));
        task.setVariable(HAS_INFORMATION_FOR_POLICE, forPolice);
        List<String> groups = List.of(Agency.RHI_SERVICE.groupId());
        Actor actor = actors.current(groups);
        if (actor == Actor.SYSTEM && task.getAssignee() != null) {
            actor = actors.of(task.getAssignee(), groups);
        }
        episodes.recordInterview((String) task.getVariable(CaseVariables.REFERENCE), offered, accepted, cseConcern, forPolice, actor);
    }

    /** Reads a decision and writes it back as a boolean, so an unticked box is a clear {@code false}. */
    private static boolean flag(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        boolean result = Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
        task.setVariable(name, result);
        return result;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
