package uk.pathways.subjects;

import java.time.Instant;
import uk.pathways.agency.Actor;

/** A subject of concern was recorded (from {@code caseId}, or null). Ids only: no label, so nothing of it reaches the chronology or the engine. */
public record SubjectRecorded(
        String subjectId, String kind, boolean policeOnly, String caseId, Actor actor, Instant occurredAt) {}
