package uk.pathways.missing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;

/**
 * {@code ${recordRiskRegrade}}: on message {@code MissingRiskRegraded} (variable {@code policeRisk}) the new
 * grade is recorded; a re-grade through the API was recorded already, so this then changes nothing.
 */
@Component("recordRiskRegrade")
class RecordRiskRegrade implements ExecutionListener {

    private final MissingEpisodes episodes;
    private final Actors actors;

    RecordRiskRegrade(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object risk = execution.getVariable(MissingEpisodeProcess.POLICE_RISK);
        episodes.recordRisk(Variables.reference(execution), risk == null ? null : risk.toString(), actors.current());
    }
}
