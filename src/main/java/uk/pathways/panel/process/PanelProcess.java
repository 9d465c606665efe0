package uk.pathways.panel.process;

import java.util.Set;
import uk.pathways.casefile.CaseVariables;

/**
 * The exploitation panel (bpmn/exploitation-panel.bpmn): started monthly by its timer ({@code pathways.panel.cycle})
 * or by hand by a manager ({@code POST /api/panels}); the agenda is prepared at the start, then the chair records the
 * panel's decisions and actions. The engine holds the panel's reference and who scheduled it; the agenda, decisions
 * and actions are in the case record's panel tables.
 */
public final class PanelProcess {

    public static final String KEY = "exploitation-panel";

    public static final String START_MONTHLY = "Start_Monthly";
    public static final String PREPARE = "prepare-agenda";
    /** The chair's task: the contract's co-chairs, police and children's services. */
    public static final String TASK_DECISIONS = "exploitation-panel-decisions";

    /** The user who scheduled the panel by hand (absent for the monthly timer). */
    public static final String SCHEDULED_BY = "scheduledBy";
    /** The panel's reference, MACE-YYYY-MM-N (shown in the Tasklist as the task's reference). */
    public static final String REFERENCE = CaseVariables.REFERENCE;

    /**
     * How many decision rows the chair's form offers: {@code decision<n>Item}, the agenda item's number, and {@code
     * decision<n>Text}, the decision (so any item of a long agenda may be decided).
     */
    public static final int DECISION_ROWS = 15;
    /** How many action rows: {@code action<n>Item}, ...Owner, ...Description, ...Due. */
    public static final int ACTION_ROWS = 6;

    public static String decision(int n, String part) {
        return "decision" + n + part;
    }

    public static String action(int n, String part) {
        return "action" + n + part;
    }

    public static final Set<String> VARIABLES = Set.of(REFERENCE, SCHEDULED_BY);

    private PanelProcess() {}
}
