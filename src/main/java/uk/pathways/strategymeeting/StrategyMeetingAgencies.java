package uk.pathways.strategymeeting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.pathways.agency.Agency;

/**
 * {@code ${strategyMeetingAgencies.asked()}}: the agencies asked for information before a strategy
 * meeting ({@code pathways.strategy-meeting.agencies}), one agency-information task each.
 */
@ConfigurationProperties("pathways.strategy-meeting")
public record StrategyMeetingAgencies(List<String> agencies) {

    public StrategyMeetingAgencies {
        agencies = agencies == null || agencies.isEmpty()
                ? List.of("police", "health", "education", "childrens-services") : List.copyOf(agencies);
        for (String agency : agencies) {
            if (Agency.byGroupId(agency).isEmpty()) {
                throw new IllegalStateException("pathways.strategy-meeting.agencies: '" + agency + "' is not an agency of the contract");
            }
        }
    }

    public List<String> asked() {
        return agencies;
    }
}
