package uk.pathways.casefile;

import java.time.Instant;

/** Something sensitive a practitioner recorded (agency information, a plan, a contact): kept here, not in the engine. */
public record CaseEntry(long id, String kind, Instant recordedAt, String recordedBy, String agency, String taskId,
                        String reference, String restrictedTo, String content) {
}
