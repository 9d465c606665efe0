package uk.pathways.strategymeeting;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;

/**
 * {@code ${strategyMeetingAgencies.asked()}}: the agencies asked for information before a strategy
 * meeting ({@code pathways.strategy-meeting.agencies}), one agency-information task each.
 */
@Component("strategyMeetingAgencies")
public class StrategyMeetingAgencies {

    private final List<String> agencies;

    StrategyMeetingAgencies(
            @Value("${pathways.strategy-meeting.agencies:police,health,education,childrens-services}")
                    List<String> agencies) {
        for (String agency : agencies) {
            if (Agency.byGroupId(agency).isEmpty()) {
                throw new IllegalStateException(
                        "pathways.strategy-meeting.agencies: '" + agency + "' is not an agency of the contract");
            }
        }
        this.agencies = List.copyOf(agencies);
    }

    public List<String> asked() {
        return agencies;
    }
}
