package uk.pathways.missing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;

/** {@code ${checkRepeatMissing}}: the repeat-missing clock (contract section 4) on every new episode. */
@Component("checkRepeatMissing")
class CheckRepeatMissing implements JavaDelegate {

    private final MissingEpisodes episodes;
    private final Actors actors;

    CheckRepeatMissing(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        episodes.checkRepeatMissing(Variables.reference(execution), actors.current());
    }
}
