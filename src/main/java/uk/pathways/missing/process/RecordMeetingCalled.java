package uk.pathways.missing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;

/** {@code ${recordMissingMeetingCalled}}: the strategy meeting was called for the missing child, and why. */
@Component("recordMissingMeetingCalled")
class RecordMeetingCalled implements ExecutionListener {

    private final MissingEpisodes episodes;
    private final Actors actors;

    RecordMeetingCalled(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        episodes.strategyMeetingCalled(Variables.reference(execution), actors.current());
    }
}
