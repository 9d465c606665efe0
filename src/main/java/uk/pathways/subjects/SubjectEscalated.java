package uk.pathways.subjects;

import java.time.Instant;
import uk.pathways.agency.Actor;

/** A subject's concern was raised to HIGH: the exploitation panel's agenda hears of it. Ids only. */
public record SubjectEscalated(String subjectId, String kind, Actor actor, Instant occurredAt) {}
