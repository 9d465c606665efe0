package uk.pathways.screening.process;

/** Variables of a screening and of the cse-threshold decision (contract sections 3 and 5). */
public final class ScreeningVariables {

    public static final String INDICATORS = "indicators";
    public static final String DISCLOSURE = "disclosure";
    public static final String LEARNING_DISABILITY = "learningDisability";
    /** The screening's type of exploitation: SEXUAL, CRIMINAL or BOTH (a decision field, required on the form). */
    public static final String EXPLOITATION_TYPE = "exploitationType";

    public static final String SCREENING_SCORE = "screeningScore";
    public static final String THRESHOLD_RESULT = "thresholdResult";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String PATHWAY = "pathway";
    /** True for the urgent strategy meeting pathway: picks the meeting's 1 working day clock. */
    public static final String URGENT = "urgent";
    /** Screening's professional judgement: a risk level other than the threshold's (NONE, LOW, MEDIUM, HIGH), or none. */
    public static final String OVERRIDE_RISK_LEVEL = "overrideRiskLevel";
    /** Set at the threshold decision: the judgement differs from the decision and waits for a MASH manager. */
    public static final String OVERRIDE_PROPOSED = "overrideProposed";
    /** The MASH manager's answer on "Agree a different risk level". */
    public static final String OVERRIDE_AGREED = "overrideAgreed";

    public static final String OVERRIDE_REASON = "overrideReason";
    public static final String DECISION_KIND = "decisionKind";

    private ScreeningVariables() {}
}
