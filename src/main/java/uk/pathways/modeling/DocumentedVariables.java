package uk.pathways.modeling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.pathways.missing.process.MissingEpisodeProcess;
import uk.pathways.referral.process.CseReferralProcess;
import uk.pathways.strategymeeting.process.MeetingActionProcess;
import uk.pathways.strategymeeting.process.StrategyMeetingProcess;

/** The documented variable lists of the shipped processes (kept in each process's constants class). */
@Configuration(proxyBeanMethods = false)
class DocumentedVariables {

    @Bean
    ProcessVariables cseReferralVariables() {
        return ProcessVariables.of(CseReferralProcess.KEY, CseReferralProcess.VARIABLES);
    }

    @Bean
    ProcessVariables missingEpisodeVariables() {
        return ProcessVariables.of(MissingEpisodeProcess.KEY, MissingEpisodeProcess.VARIABLES);
    }

    @Bean
    ProcessVariables strategyMeetingVariables() {
        return ProcessVariables.of(StrategyMeetingProcess.KEY, StrategyMeetingProcess.VARIABLES);
    }

    @Bean
    ProcessVariables meetingActionVariables() {
        return ProcessVariables.of(MeetingActionProcess.KEY, MeetingActionProcess.VARIABLES);
    }
}
