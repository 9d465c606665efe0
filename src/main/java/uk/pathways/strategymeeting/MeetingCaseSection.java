package uk.pathways.strategymeeting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseViewSection;

/**
 * The case view's {@code strategyMeetings}: each meeting's invitees, attendance, apologies and actions with their
 * owner, due date and state. The young person's and the family's voice are in the outcome's record entry.
 */
@Component
class MeetingCaseSection implements CaseViewSection {

    static final String NAME = "strategyMeetings";

    private final StrategyMeetings meetings;

    MeetingCaseSection(StrategyMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Object> items(String caseId) {
        return new ArrayList<>(meetings.ofCase(caseId));
    }
}
