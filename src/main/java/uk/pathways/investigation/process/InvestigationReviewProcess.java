package uk.pathways.investigation.process;

import java.util.Set;
import uk.pathways.casefile.CaseVariables;

/**
 * The review after a police investigation ends with no further action (bpmn/investigation-review.bpmn): one task for
 * the police and the RISE team together, due within the {@code investigation-review} clock and escalated to the
 * police's managers when late. Started when the police record the investigation concluded with no further action,
 * one instance per investigation, so that the review never holds the referral's pathway or the case open (ADR 0017).
 * The learning's words stay in the case record; the engine holds the investigation's id.
 */
public final class InvestigationReviewProcess {

    public static final String KEY = "no-further-action-review";

    public static final String TASK_REVIEW = "investigation-review";

    /** The police investigation's task, whose completion may start a review. */
    public static final String TASK_INVESTIGATION = "police-investigation";

    /** pw_investigation_outcome.id */
    public static final String INVESTIGATION_ID = "investigationId";

    /** The police investigation form's fields this capability reads from the completion (never process variables). */
    static final String CONCLUDED = "investigationConcluded";

    static final String OUTCOME = "investigationOutcome";
    static final String NFA_REASON = "nfaReason";

    /** The review form's fields: themes (codes) and the summary to share; wentWell and toChange stay in the record. */
    static final String LEARNING_THEMES = "learningThemes";

    static final String SHAREABLE_SUMMARY = "shareableSummary";

    public static final Set<String> VARIABLES =
            Set.of(CaseVariables.CASE_ID, CaseVariables.REFERENCE, CaseVariables.CHILD_DISPLAY_NAME, INVESTIGATION_ID);

    private InvestigationReviewProcess() {}
}
