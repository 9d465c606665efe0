package uk.pathways.strategymeeting.process;

import java.util.Set;
import uk.pathways.casefile.CaseVariables;

/**
 * One action agreed at a strategy meeting (bpmn/strategy-meeting-action.bpmn): a task for the owner agency, due on the action's
 * date and escalated to that agency's managers when it is late. Started by the meeting's outcome, one instance per
 * action, so that no action holds up the pathway. The action's words stay in the case record; the engine holds its id.
 */
public final class MeetingActionProcess {

    /** Not "meeting-action": that is the task's key, and ids in one file must differ. */
    public static final String KEY = "strategy-meeting-action";

    public static final String TASK_ACTION = "meeting-action";

    /** pw_meeting_action.id */
    public static final String ACTION_ID = "actionId";
    /** The owner agency's group id: the task's candidate group. */
    public static final String ACTION_OWNER = "actionOwner";
    /** The action's due date (a Date): the task's due date and its escalation clock. */
    public static final String ACTION_DUE = "actionDue";
    /** The owner's record of what was done (free text: the case record only). */
    public static final String ACTION_DONE = "actionDone";

    public static final Set<String> VARIABLES = Set.of(
            CaseVariables.CASE_ID,
            CaseVariables.REFERENCE,
            CaseVariables.CHILD_DISPLAY_NAME,
            ACTION_ID,
            ACTION_OWNER,
            ACTION_DUE,
            ACTION_DONE);

    private MeetingActionProcess() {}
}
