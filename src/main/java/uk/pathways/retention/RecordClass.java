package uk.pathways.retention;

/**
 * The classes of record the retention schedule keeps for different periods. A closed case is of one class: a looked
 * after child's case (whatever else it holds), else a CSE case (it has a referral), else a case of missing episodes
 * only.
 */
public enum RecordClass {
    LOOKED_AFTER_CHILD("A looked-after child's case"),
    CSE_CASE("A closed CSE case"),
    MISSING_EPISODES("A case of missing episodes only");

    private final String words;

    RecordClass(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    static RecordClass of(boolean lookedAfter, boolean hasReferral) {
        if (lookedAfter) {
            return LOOKED_AFTER_CHILD;
        }
        return hasReferral ? CSE_CASE : MISSING_EPISODES;
    }
}
