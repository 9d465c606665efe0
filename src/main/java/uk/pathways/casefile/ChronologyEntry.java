package uk.pathways.casefile;

import java.time.Instant;

/** One line of a case's story: when, who, for which agency, what. */
public record ChronologyEntry(
        long id, Instant occurredAt, String actor, String agency, String eventType, String summary, String reference) {}
