package uk.pathways.strategymeeting.process;

import java.util.Set;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.screening.process.ScreeningVariables;

/** The strategy meeting process (bpmn/strategy-meeting.bpmn), called from cse-referral and missing-episode. */
public final class StrategyMeetingProcess {

    /** Not "strategy-meeting": that is the contract's key of the outcome task, and ids in one file must differ. */
    public static final String KEY = "strategy-meeting-process";

    public static final String TASK_SCHEDULE = "schedule-strategy-meeting";
    public static final String TASK_AGENCY_INFORMATION = "agency-information";
    public static final String TASK_OUTCOME = "strategy-meeting";

    /** In: the meeting's clock (a Date), set by the caller. */
    public static final String STRATEGY_MEETING_DUE = "strategyMeetingDue";

    public static final String MEETING_AT = "meetingAt";
    public static final String MEETING_PLACE = "meetingPlace";
    public static final String MEETING_STARTS_AT = "meetingStartsAt";
    public static final String AGENCY = "agency";
    /** Task-local on each agency-information task (contract section 5). */
    public static final String AGENCY_INFORMATION = "agencyInformation";

    public static final String RISE_ACCEPTED = "riseAccepted";
    public static final String SECTION_47 = "section47";
    public static final String POLICE_INVESTIGATION = "policeInvestigation";
    public static final String MEETING_HELD_AT = "meetingHeldAt";

    /**
     * Every variable an expression in bpmn/strategy-meeting.bpmn may name; the pathway validator refuses a
     * model naming any other.
     */
    public static final Set<String> VARIABLES = Set.of(
            CaseVariables.CASE_ID,
            CaseVariables.REFERENCE,
            CaseVariables.CHILD_DISPLAY_NAME,
            CaseVariables.AGE,
            ScreeningVariables.URGENT,
            STRATEGY_MEETING_DUE,
            MEETING_AT,
            MEETING_PLACE,
            MEETING_STARTS_AT,
            AGENCY,
            AGENCY_INFORMATION,
            RISE_ACCEPTED,
            SECTION_47,
            POLICE_INVESTIGATION,
            MEETING_HELD_AT);

    private StrategyMeetingProcess() {}
}
