package uk.pathways.casefile;

/**
 * Someone read (or was refused) a case record through one of the doors: the audit trail listens.
 * {@code door} is API, PAGE, ENGINE_REST or WEBAPP; {@code what} names what was read.
 */
public record CaseRead(String caseId, String userId, String agency, String door, String what, boolean refused) {}
