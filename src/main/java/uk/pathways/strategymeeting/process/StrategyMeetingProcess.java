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

    /** The schedule's invitations (form fields, kept in the case record, never engine variables). */
    public static final String INVITED_AGENCIES = "invitedAgencies";
    /** How many external attendees the schedule form offers: {@code external<n>Name}, ...Organisation, ...Email. */
    public static final int EXTERNAL_ROWS = 3;

    /** The outcome's attendance and voices (form fields; text goes to the case record only). */
    public static final String ATTENDED = "attendedAgencies";

    public static final String APOLOGIES = "apologies";
    public static final String YOUNG_PERSON_VOICE = "youngPersonVoice";
    public static final String FAMILY_VOICE = "familyVoice";
    /** How many action rows the outcome form offers: {@code action<n>Owner}, ...Description, ...Due. */
    public static final int ACTION_ROWS = 4;

    public static String external(int n, String part) {
        return "external" + n + part;
    }

    public static String action(int n, String part) {
        return "action" + n + part;
    }

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
