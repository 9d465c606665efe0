package uk.pathways.referral.process;

import java.util.Set;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.screening.process.ScreeningVariables;
import uk.pathways.strategymeeting.process.StrategyMeetingProcess;

/** The cse-referral process (bpmn/cse-referral.bpmn): its key, message, element ids and variables. */
public final class CseReferralProcess {

    public static final String KEY = "cse-referral";
    public static final String MESSAGE_RECEIVED = "CseReferralReceived";

    // user tasks (task definition keys)
    public static final String TASK_SCREENING = "screening";
    public static final String TASK_EARLY_HELP_PLAN = "early-help-plan";
    public static final String TASK_ALLOCATE_SUPPORT_WORKER = "allocate-support-worker";
    public static final String TASK_SAFETY_PLAN = "safety-plan";
    public static final String TASK_OUTREACH_CONTACT = "outreach-contact";
    public static final String TASK_OUTCOME_WHEEL = "outcome-wheel";
    /** A RISE support worker follows up one onward referral until its outcome is recorded. */
    public static final String TASK_ONWARD_REFERRAL = "onward-referral";

    public static final String TASK_POLICE_INVESTIGATION = "police-investigation";
    public static final String TASK_SECTION_47_ENQUIRY = "section-47-enquiry";
    public static final String TASK_STRATEGY_REVIEW = "strategy-review";
    public static final String TASK_CLOSURE_STRATEGY = "closure-strategy";
    public static final String TASK_CLOSURE_APPROVAL = "closure-approval";
    /** A MASH manager agrees (or not) a screening judgement that differs from the threshold decision. */
    public static final String TASK_APPROVE_OVERRIDE = "approve-override";
    /** A children's services manager agrees (or not) a review judgement that differs from the threshold decision. */
    public static final String TASK_APPROVE_REVIEW_OVERRIDE = "approve-review-override";
    /** A children's services manager agrees a closure that no RISE manager approves: no further action, tracks ended. */
    public static final String TASK_APPROVE_CASE_CLOSURE = "approve-case-closure";
    /** A children's services manager agrees a strategy review's decision to close a case without RISE support. */
    public static final String TASK_APPROVE_REVIEW_CLOSURE = "approve-review-closure";

    // other elements
    public static final String START_API = "Start_ReferralReceived";
    public static final String START_MESSAGE = "Start_CseReferralReceived";
    public static final String CALL_STRATEGY_MEETING = "Call_StrategyMeeting";
    public static final String TIMER_EARLY_HELP_REVIEW = "Timer_EarlyHelpReview";
    public static final String SUBPROCESS_CASE_OPEN = "SubProcess_CaseOpen";
    public static final String SUBPROCESS_RISE_SUPPORT = "SubProcess_RiseSupport";
    public static final String SUBPROCESS_ONWARD_REFERRAL = "SubProcess_OnwardReferral";
    public static final String TIMER_ONWARD_REFERRAL_REMINDER = "Timer_OnwardReferralReminder";
    public static final String TIMER_SAFETY_PLAN_REVIEW = "Timer_SafetyPlanReview";
    public static final String TASK_OPEN_RISE_SUPPORT = "Task_OpenRiseSupport";
    public static final String EVENT_SUBPROCESS_STRATEGY_REVIEW = "EventSubProcess_StrategyReview";
    public static final String END_UNIVERSAL = "End_Universal";
    public static final String END_NO_FURTHER_ACTION = "End_NoFurtherAction";
    public static final String END_CASE_CLOSED = "End_CaseClosed";
    public static final String GATEWAY_TO_STRATEGY_MEETING = "Gateway_ToStrategyMeeting";

    // escalation codes inside the case-open sub-process
    public static final String ESCALATION_CLOSURE_PROPOSED = "ClosureProposed";
    public static final String ESCALATION_CASE_CLOSED = "CaseClosed";
    public static final String ESCALATION_STEP_DOWN = "StepDown";

    // variables (besides CaseVariables and ScreeningVariables)
    public static final String REFERRER_AGENCY = "referrerAgency";
    public static final String RISE_ACCEPTED = "riseAccepted";
    public static final String SECTION_47 = "section47";
    public static final String POLICE_INVESTIGATION = "policeInvestigation";
    public static final String SUPPORT_WORKER = "supportWorker";
    public static final String SAFETY_PLAN_DUE = "safetyPlanDue";
    public static final String OUTCOME_WHEEL_DUE = "outcomeWheelDue";
    public static final String LAST_SUCCESSFUL_CONTACT_AT = "lastSuccessfulContactAt";
    public static final String CONTACT_SUCCESSFUL = "contactSuccessful";
    public static final String PROPOSE_CLOSURE = "proposeClosure";
    /** When the safety plan is next reviewed (a Date; the plan's review date at 9:00 UK time). */
    public static final String SAFETY_PLAN_REVIEW_AT = "safetyPlanReviewAt";
    /** The ids of the onward referrals the last outreach contact made, comma-separated ("" for none). */
    public static final String NEW_ONWARD_REFERRALS = "newOnwardReferrals";
    /** One follow-up's onward referral id (the multi-instance element variable). */
    public static final String ONWARD_REFERRAL_ID = "onwardReferralId";
    /** Whether that onward referral still waits for its outcome (local to its follow-up). */
    public static final String ONWARD_REFERRAL_OPEN = "onwardReferralOpen";

    public static final String INVESTIGATION_CONCLUDED = "investigationConcluded";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String CLOSURE_REASON = "closureReason";
    public static final String CLOSURE_APPROVED = "closureApproved";
    public static final String CASE_CLOSURE_APPROVED = "caseClosureApproved";
    public static final String REVIEW_CLOSURE_APPROVED = "reviewClosureApproved";

    /**
     * Every variable an expression in bpmn/cse-referral.bpmn may name; the pathway validator refuses a model
     * naming any other. Add a name here when a model change needs a new variable.
     */
    public static final Set<String> VARIABLES = Set.of(
            CaseVariables.CASE_ID,
            CaseVariables.REFERENCE,
            CaseVariables.CHILD_DISPLAY_NAME,
            CaseVariables.AGE,
            ScreeningVariables.INDICATORS,
            ScreeningVariables.DISCLOSURE,
            ScreeningVariables.LEARNING_DISABILITY,
            ScreeningVariables.SCREENING_SCORE,
            ScreeningVariables.THRESHOLD_RESULT,
            ScreeningVariables.RISK_LEVEL,
            ScreeningVariables.PATHWAY,
            ScreeningVariables.URGENT,
            ScreeningVariables.OVERRIDE_RISK_LEVEL,
            ScreeningVariables.OVERRIDE_PROPOSED,
            ScreeningVariables.OVERRIDE_AGREED,
            REFERRER_AGENCY,
            RISE_ACCEPTED,
            SECTION_47,
            POLICE_INVESTIGATION,
            StrategyMeetingProcess.MEETING_HELD_AT,
            SUPPORT_WORKER,
            SAFETY_PLAN_DUE,
            OUTCOME_WHEEL_DUE,
            LAST_SUCCESSFUL_CONTACT_AT,
            CONTACT_SUCCESSFUL,
            PROPOSE_CLOSURE,
            SAFETY_PLAN_REVIEW_AT,
            NEW_ONWARD_REFERRALS,
            ONWARD_REFERRAL_ID,
            ONWARD_REFERRAL_OPEN,
            INVESTIGATION_CONCLUDED,
            REVIEW_DECISION,
            CLOSURE_REASON,
            CLOSURE_APPROVED,
            CASE_CLOSURE_APPROVED,
            REVIEW_CLOSURE_APPROVED);

    private CseReferralProcess() {}
}
