package uk.pathways.disruption.process;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.pathways.modeling.ProcessVariables;

/**
 * The clocks of one disruption register entry (bpmn/disruption-order.bpmn), started when the entry is recorded (business
 * key: the entry's id): a review task for the police on each review day, and, for a tactic that expires, an expiry
 * task the clock {@code disruption-expiry-notice} before its expiry (renew, let lapse, or record the outcome). The
 * outcome, recorded at either task or on the register, ends the entry and every clock of it. The engine holds the
 * entry's id and dates; the subject, the breaches and the notes stay in the register.
 */
@Configuration(proxyBeanMethods = false)
public class DisruptionOrderProcess {

    public static final String KEY = "disruption-order";

    public static final String TASK_REVIEW = "disruption-review";
    public static final String TASK_EXPIRY = "disruption-expiry";

    /** pw_disruption.disruption_id (also the business key). */
    public static final String DISRUPTION_ID = "disruptionId";
    /** When the next review task comes (a Date: 9:00 UK time on the review day). */
    public static final String REVIEW_AT = "reviewAt";
    /** Whether the tactic expires (the expiry branch runs). */
    public static final String HAS_EXPIRY = "hasExpiry";
    /** When the expiry task comes (a Date), the notice before the expiry day. */
    public static final String EXPIRY_NOTICE_AT = "expiryNoticeAt";
    /** True once the outcome is recorded at a task: every clock of the entry ends. */
    public static final String DISRUPTION_ENDED = "disruptionEnded";

    // the forms' fields (forms/disruption-review.form, forms/disruption-expiry.form): none is a decision field, all go
    // to the register through the tasks' listeners, never into the engine
    public static final String STILL_NEEDED = "stillNeeded";
    public static final String BREACHED_ON = "breachedOn";
    public static final String BREACH_NOTE = "breachNote";
    public static final String OUTCOME = "outcome";
    public static final String REVIEW_NOTES = "reviewNotes";
    public static final String EXPIRY_DECISION = "expiryDecision";
    public static final String NEW_EXPIRES_ON = "newExpiresOn";
    public static final String EXPIRY_NOTES = "expiryNotes";

    public static final String RENEW = "RENEW";
    public static final String LAPSE = "LAPSE";
    public static final String END = "END";

    public static final Set<String> VARIABLES = Set.of(
            DISRUPTION_ID,
            REVIEW_AT,
            HAS_EXPIRY,
            EXPIRY_NOTICE_AT,
            DISRUPTION_ENDED,
            STILL_NEEDED,
            BREACHED_ON,
            BREACH_NOTE,
            OUTCOME,
            REVIEW_NOTES,
            EXPIRY_DECISION,
            NEW_EXPIRES_ON,
            EXPIRY_NOTES);

    @Bean
    ProcessVariables disruptionOrderVariables() {
        return ProcessVariables.of(KEY, VARIABLES);
    }
}
