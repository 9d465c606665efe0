package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;

/**
 * A pathway event that belongs in a case's chronology. Capabilities publish their own past-tense
 * events implementing this; the case record's chronology writer is the one subscriber that writes them.
 */
public interface ChronicledEvent {

    String caseId();

    /** The referral or episode reference the event belongs to, if any. */
    String reference();

    String eventType();

    /** One line a practitioner reads in the chronology. Never sensitive detail. */
    String summary();

    Actor actor();

    Instant occurredAt();

    default String taskId() {
        return null;
    }
}
