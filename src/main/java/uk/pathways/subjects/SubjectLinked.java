package uk.pathways.subjects;

import java.time.Instant;
import uk.pathways.agency.Actor;

/** A subject was linked to a child's case ({@code caseId}) or to another subject ({@code otherSubjectId}). Ids only. */
public record SubjectLinked(String subjectId, String caseId, String otherSubjectId, Actor actor, Instant occurredAt) {}
