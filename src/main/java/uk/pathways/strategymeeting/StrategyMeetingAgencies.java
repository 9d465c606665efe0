package uk.pathways.strategymeeting;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;

/**
 * The agencies of a strategy meeting: {@link #asked()}, the default invitation ({@code
 * pathways.strategy-meeting.agencies}) when the chair names none; {@code ${strategyMeetingAgencies.invitedTo(...)}},
 * the agencies the chair invited to one meeting, one agency-information task each.
 */
@Component("strategyMeetingAgencies")
public class StrategyMeetingAgencies {

    private final List<String> agencies;
    private final StrategyMeetings meetings;

    StrategyMeetingAgencies(
            @Value("${pathways.strategy-meeting.agencies:police,health,education,childrens-services}")
                    List<String> agencies,
            StrategyMeetings meetings) {
        this.meetings = meetings;
        for (String agency : agencies) {
            if (Agency.byGroupId(agency).isEmpty()) {
                throw new IllegalStateException(
                        "pathways.strategy-meeting.agencies: '" + agency + "' is not an agency of the contract");
            }
        }
        this.agencies = List.copyOf(agencies);
    }

    /** The default invitation: the agencies asked for information when the chair names none. */
    public List<String> asked() {
        return agencies;
    }

    /** The agencies invited to this meeting (its process instance id), or the default if it names none. */
    public List<String> invitedTo(String meetingId) {
        return meetings.invitedAgencies(meetingId)
                .filter(list -> !list.isEmpty())
                .orElse(agencies);
    }
}
