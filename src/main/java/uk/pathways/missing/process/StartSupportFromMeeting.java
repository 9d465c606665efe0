package uk.pathways.missing.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.process.Variables;
import uk.pathways.missing.MissingEpisodes;
import uk.pathways.referral.Referrals;
import uk.pathways.strategymeeting.process.StrategyMeetingProcess;

/**
 * {@code ${startSupportFromMeeting}}: the missing child's strategy meeting decided RISE support, a section 47
 * enquiry or a police investigation; the CSE referral pathway's own tracks start with those decisions.
 */
@Component("startSupportFromMeeting")
class StartSupportFromMeeting implements JavaDelegate {

    private final MissingEpisodes episodes;
    private final Actors actors;

    StartSupportFromMeeting(MissingEpisodes episodes, Actors actors) {
        this.episodes = episodes;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referrals.Decided decided = new Referrals.Decided(
                Variables.flag(execution, StrategyMeetingProcess.RISE_ACCEPTED),
                Variables.flag(execution, StrategyMeetingProcess.SECTION_47),
                Variables.flag(execution, StrategyMeetingProcess.POLICE_INVESTIGATION),
                (Date) execution.getVariable(StrategyMeetingProcess.MEETING_HELD_AT));
        episodes.startSupportAfterMeeting(Variables.reference(execution), decided, actors.current());
    }
}
