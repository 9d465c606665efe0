package uk.pathways.casefile;

import java.time.Instant;

/** One line of a case's story: when, who, for which agency, what. */
public record ChronologyEntry(
        long id, Instant occurredAt, String actor, String agency, String eventType, String summary, String reference) {

    /** A row practitioners read: everything but e-mail deliveries, which are the administrators' notifications view. */
    public boolean forPractitioners() {
        return !eventType.startsWith("EMAIL_");
    }
}
