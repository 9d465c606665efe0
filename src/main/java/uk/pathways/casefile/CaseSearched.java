package uk.pathways.casefile;

import java.util.List;

/** Someone searched for cases: the audit trail keeps the terms and every case the answer named. */
public record CaseSearched(String userId, String agency, String door, String terms, List<String> caseIds) {}
