package uk.pathways.missing.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.pathways.casefile.CaseVariables;
import uk.pathways.missing.MissingEpisodes;

/**
 * {@code ${shareInterviewWithPolice}}: the police-intelligence task shows the information the interview
 * recorded for the police. It is read from the case record and held task-local (a sensitive name, never in
 * the engine's history), so it goes when the task does.
 */
@Component("shareInterviewWithPolice")
class ShareInterviewWithPolice implements TaskListener {

    private final MissingEpisodes episodes;

    ShareInterviewWithPolice(MissingEpisodes episodes) {
        this.episodes = episodes;
    }

    @Override
    public void notify(DelegateTask task) {
        episodes.informationForPolice((String) task.getVariable(CaseVariables.REFERENCE))
                .ifPresent(text -> task.setVariableLocal(MissingEpisodeProcess.INFORMATION_FOR_POLICE, text));
    }
}
