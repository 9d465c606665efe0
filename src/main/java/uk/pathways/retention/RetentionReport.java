package uk.pathways.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * What the schedule says is due on a day (the dry-run report): the closed cases that will be erased, the cases due but
 * under a legal hold (kept), and the audit rows past the trail's own period. What the job erases that night is exactly
 * {@link #due()}.
 */
public record RetentionReport(LocalDate asOf, List<Item> due, List<Item> held, int auditRowsDue) {

    /** A closed case the schedule has reached: its class, the rule, when it closed and when it fell due. */
    public record Item(
            String caseId,
            RecordClass recordClass,
            String rule,
            LocalDate closedOn,
            LocalDate dueOn,
            String holdReason,
            String heldBy) {}
}
