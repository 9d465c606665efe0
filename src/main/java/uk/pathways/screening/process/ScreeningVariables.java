package uk.pathways.screening.process;

/** Variables of a screening and of the cse-threshold decision (contract sections 3 and 5). */
public final class ScreeningVariables {

    public static final String INDICATORS = "indicators";
    public static final String DISCLOSURE = "disclosure";
    public static final String LEARNING_DISABILITY = "learningDisability";
    public static final String SCREENING_SCORE = "screeningScore";
    public static final String THRESHOLD_RESULT = "thresholdResult";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String PATHWAY = "pathway";
    /** True for the urgent strategy meeting pathway: picks the meeting's 1 working day clock. */
    public static final String URGENT = "urgent";
    public static final String DECISION_KIND = "decisionKind";

    private ScreeningVariables() {
    }
}
