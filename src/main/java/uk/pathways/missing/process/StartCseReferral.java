package uk.pathways.missing.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;

/** {@code ${startCseReferralFromInterview}}: a CSE concern at the return home interview starts a cse-referral. */
@Component("startCseReferralFromInterview")
class StartCseReferral implements JavaDelegate {

    private final MissingEpisodes episodes;
    private final Actors actors;

    StartCseReferral(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        episodes.referFromInterview(
                Variables.reference(execution), actors.current(List.of(Agency.RHI_SERVICE.groupId())));
    }
}
