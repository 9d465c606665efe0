package uk.pathways.missing.process;

import java.util.Set;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.strategymeeting.process.StrategyMeetingProcess;

/** The missing-episode process (bpmn/missing-episode.bpmn): its key, messages, element ids and variables. */
public final class MissingEpisodeProcess {

    public static final String KEY = "missing-episode";

    // messages (contract section 2)
    public static final String MESSAGE_REPORTED = "MissingReported";
    public static final String MESSAGE_RETURNED = "MissingChildReturned";
    public static final String MESSAGE_RISK_REGRADED = "MissingRiskRegraded";

    // user tasks (task definition keys)
    public static final String TASK_RETURN_HOME_INTERVIEW = "return-home-interview";
    public static final String TASK_POLICE_INTELLIGENCE = "police-intelligence";

    // other elements
    public static final String START_API = "Start_MissingReported";
    public static final String START_MESSAGE = "Start_MissingReportedMessage";
    public static final String TASK_TELL_AGENCIES = "Task_TellAgencies";
    public static final String TASK_CHECK_REPEAT_MISSING = "Task_CheckRepeatMissing";
    public static final String SUBPROCESS_MISSING = "SubProcess_Missing";
    public static final String TIMER_MISSING_24_HOURS = "Timer_MissingStrategyMeeting";
    public static final String CATCH_RISK_REGRADED = "Catch_RiskRegraded";
    public static final String BOUNDARY_RETURNED_WHILE_MISSING = "Boundary_ReturnedWhileMissing";
    public static final String CALL_STRATEGY_MEETING = "Call_StrategyMeeting";
    public static final String CATCH_RETURNED_AFTER_MEETING_CALLED = "Catch_ReturnedAfterMeetingCalled";
    public static final String TASK_RECORD_RETURN = "Task_RecordReturn";
    public static final String TASK_START_CSE_REFERRAL = "Task_StartCseReferral";
    public static final String END_MEETING_HELD = "End_MeetingHeld";
    public static final String GATEWAY_MEETING_DECIDED = "Gateway_MeetingDecided";
    public static final String TASK_START_SUPPORT = "Task_StartSupport";
    public static final String END_SUPPORT_STARTED = "End_SupportStarted";
    public static final String END_EPISODE_CLOSED = "End_EpisodeClosed";

    // clocks (pathways.clocks.*)
    public static final String CLOCK_STRATEGY_MEETING = "missing-strategy-meeting";
    public static final String CLOCK_RETURN_HOME_INTERVIEW = "return-home-interview";
    public static final String CLOCK_RETURN_HOME_INTERVIEW_REMINDER = "return-home-interview-reminder";

    // variables (besides CaseVariables): ids, dates the clocks start from, and decision fields only
    public static final String POLICE_RISK = "policeRisk";
    public static final String EPISODE_TYPE = "episodeType";
    public static final String MISSING_SINCE = "missingSince";
    public static final String RETURNED_AT = "returnedAt";
    /** Message {@code MissingReported}: the report, the same JSON as {@code POST /api/missing-episodes}; removed once read. */
    public static final String MISSING_REPORT = "missingReport";

    public static final String RHI_OFFERED = "rhiOffered";
    public static final String RHI_ACCEPTED = "rhiAccepted";
    public static final String CSE_CONCERN = "cseConcern";
    public static final String HAS_INFORMATION_FOR_POLICE = "hasInformationForPolice";

    // the interview's sensitive fields: task-local, then in the case record only (the task's caseRecord property)
    public static final String NOT_OFFERED_REASON = "notOfferedReason";
    public static final String INFORMATION_FOR_POLICE = "informationForPolice";
    public static final String WHEREABOUTS = "whereabouts";
    public static final String PUSH_FACTORS = "pushFactors";
    public static final String PULL_FACTORS = "pullFactors";
    // the police-intelligence form
    public static final String INTELLIGENCE_RECORDED = "intelligenceRecorded";
    public static final String INTELLIGENCE_NOTES = "intelligenceNotes";
    /** In to the strategy meeting: a missing child's meeting always runs on the urgent clock. */
    public static final String URGENT = "urgent";

    /** Every variable the model names: the documented list a model check can hold the model to. */
    public static final Set<String> VARIABLES = Set.of(
            CaseVariables.CASE_ID,
            CaseVariables.REFERENCE,
            CaseVariables.CHILD_DISPLAY_NAME,
            CaseVariables.AGE,
            POLICE_RISK,
            EPISODE_TYPE,
            MISSING_SINCE,
            RETURNED_AT,
            MISSING_REPORT,
            RHI_OFFERED,
            RHI_ACCEPTED,
            CSE_CONCERN,
            HAS_INFORMATION_FOR_POLICE,
            NOT_OFFERED_REASON,
            INFORMATION_FOR_POLICE,
            WHEREABOUTS,
            PUSH_FACTORS,
            PULL_FACTORS,
            INTELLIGENCE_RECORDED,
            INTELLIGENCE_NOTES,
            URGENT,
            StrategyMeetingProcess.STRATEGY_MEETING_DUE,
            StrategyMeetingProcess.RISE_ACCEPTED,
            StrategyMeetingProcess.SECTION_47,
            StrategyMeetingProcess.POLICE_INVESTIGATION,
            StrategyMeetingProcess.MEETING_HELD_AT);

    private MissingEpisodeProcess() {}
}
