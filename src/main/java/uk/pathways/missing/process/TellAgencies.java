package uk.pathways.missing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;

/** {@code ${tellAgenciesOfMissingReport}}: children's services, and where due the placing authority, are told at once. */
@Component("tellAgenciesOfMissingReport")
class TellAgencies implements JavaDelegate {

    private final MissingEpisodes episodes;
    private final Actors actors;

    TellAgencies(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        episodes.tellAgencies(Variables.reference(execution), actors.current());
    }
}
