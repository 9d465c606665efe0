package uk.pathways.missing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;

/**
 * {@code ${closeMissingEpisode}}, on the end of the missing-episode process (whichever of its paths ends last,
 * or a cancellation): the episode closes, and the case closes if nothing else is open on it.
 */
@Component("closeMissingEpisode")
class CloseMissingEpisode implements ExecutionListener {

    private final MissingEpisodes episodes;
    private final Actors actors;

    CloseMissingEpisode(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String reference = Variables.reference(execution);
        if (reference != null) {
            episodes.close(reference, execution.isCanceled(), actors.current());
        }
    }
}
