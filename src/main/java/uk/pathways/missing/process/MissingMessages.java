package uk.pathways.missing.process;

import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.pathways.gate.MessageRule;
import uk.pathways.missing.EpisodeAccess;

/**
 * The missing pathway's messages, as agencies may send them through the engine's doors (contract section 2):
 * {@code MissingReported} starts an episode with the report as JSON; {@code MissingChildReturned} and
 * {@code MissingRiskRegraded} go to one episode by its reference (the business key), from an agency that may act
 * on that episode.
 */
@Configuration(proxyBeanMethods = false)
class MissingMessages {

    @Bean
    MessageRule missingReported() {
        return rule(MissingEpisodeProcess.MESSAGE_REPORTED, Set.of(MissingEpisodeProcess.MISSING_REPORT), false, null);
    }

    @Bean
    MessageRule missingChildReturned(EpisodeAccess access) {
        return rule(MissingEpisodeProcess.MESSAGE_RETURNED, Set.of(MissingEpisodeProcess.RETURNED_AT), true, access);
    }

    @Bean
    MessageRule missingRiskRegraded(EpisodeAccess access) {
        return rule(
                MissingEpisodeProcess.MESSAGE_RISK_REGRADED, Set.of(MissingEpisodeProcess.POLICE_RISK), true, access);
    }

    private static MessageRule rule(String name, Set<String> payload, boolean byBusinessKey, EpisodeAccess access) {
        return new MessageRule() {
            @Override
            public String messageName() {
                return name;
            }

            @Override
            public Set<String> payload() {
                return payload;
            }

            @Override
            public boolean byBusinessKey() {
                return byBusinessKey;
            }

            @Override
            public void check(String userId, String businessKey, Map<String, Object> variables) {
                if (access != null) {
                    access.checkActOn(userId, businessKey, "ENGINE_REST");
                }
            }
        };
    }
}
