package uk.pathways.casefile;

/**
 * Process variables every Pathways process carries: ids, the child's display name and age. Nothing
 * sensitive: concerns, disclosures and intelligence live in the case record only.
 */
public final class CaseVariables {

    public static final String CASE_ID = "caseId";
    /** The business reference of the process: REF-YYYY-NNNNNN or MIS-YYYY-NNNNNN. */
    public static final String REFERENCE = "reference";

    public static final String CHILD_DISPLAY_NAME = "childDisplayName";
    public static final String AGE = "age";

    private CaseVariables() {}
}
