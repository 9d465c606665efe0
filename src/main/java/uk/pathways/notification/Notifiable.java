package uk.pathways.notification;

import java.util.List;
import java.util.Map;

/**
 * An event that asks for e-mails: publish it with Spring's {@code ApplicationEventPublisher} inside the
 * business transaction and the notification outbox queues one e-mail per recipient in that same
 * transaction (so it is sent only if the transaction commits, and then exactly once).
 *
 * <p>A capability's past-tense event may implement both this and {@code ChronicledEvent}: {@link #caseId()},
 * {@link #reference()} and {@link #eventType()} then serve both. See README.md, "Notifications".
 *
 * <p>Data minimisation: the model is what the e-mail may say. Never put the child's name, the story,
 * disclosures or intelligence in it; the reference, the kind of event, what is due and when are enough,
 * and the e-mail links to the case for those allowed to read it.
 */
public interface Notifiable {

    /** The case the e-mails belong to (their sending is written to its chronology); may be null. */
    String caseId();

    /** The referral or episode reference (REF-..., MIS-...), shown in every e-mail. */
    String reference();

    /** The kind of event, in capitals (for example MISSING_REPORTED). */
    String eventType();

    /**
     * Which occurrence of the event this is, so that publishing the same occurrence again queues nothing:
     * with {@link #eventType()} and the recipient's address it makes the idempotency key. Events that happen
     * once per reference can keep the default; events that recur (a task, a return) give their own id.
     */
    default String occurrenceKey() {
        return reference();
    }

    /**
     * The template under {@code templates/mail/}: {@code <name>.txt} (first line "Subject: ...") and
     * {@code <name>.html}. The default, {@code notice}, shows {@code headline}, the lines of {@code details}
     * (a list of strings), {@code due} and a link to the case.
     */
    default String mailTemplate() {
        return "notice";
    }

    /** Who gets it: agency mailboxes, Camunda users, the members of a group, or plain addresses. */
    List<Recipient> mailRecipients();

    /** The template's variables (strings, booleans, numbers, lists of strings). See the class comment. */
    Map<String, Object> mailModel();
}
