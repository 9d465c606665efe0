package uk.pathways.casefile;

import java.time.Instant;
import uk.pathways.agency.Actor;

/** Something of a case left Pathways as a document (the printed chronology): the sharing log records it. */
public record CaseExported(String caseId, String what, Actor actor, Instant occurredAt) {}
