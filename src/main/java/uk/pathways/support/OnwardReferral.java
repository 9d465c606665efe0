package uk.pathways.support;

import java.time.Instant;
import java.util.List;

/**
 * One onward referral a RISE support worker made for the child (CAMHS, sexual health, ISVA, court support, ...): the
 * service's code (the outreach contact form's option), its status, when it was made (the contact's real time) and by
 * whom, and who last set the status when.
 */
public record OnwardReferral(
        long id,
        String caseId,
        String reference,
        String service,
        String status,
        Instant madeAt,
        String madeBy,
        Instant statusAt,
        String statusBy) {

    public static final String MADE = "MADE";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String WAITING = "WAITING";
    public static final String DECLINED = "DECLINED";
    public static final String OUTCOME_RECORDED = "OUTCOME_RECORDED";

    /** Every status, in the order a referral goes through them. */
    public static final List<String> STATUSES = List.of(MADE, ACCEPTED, WAITING, DECLINED, OUTCOME_RECORDED);

    /** Whether the support worker is still asked about it: until it is declined or its outcome recorded. */
    public boolean open() {
        return !DECLINED.equals(status) && !OUTCOME_RECORDED.equals(status);
    }
}
