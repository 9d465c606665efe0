package uk.pathways.web;

import java.util.List;

/** A refusal to an agency outside a case (contract section 8): answered 403 with who is involved and who leads. */
public interface NotInvolved {

    String caseId();

    List<String> involvedAgencies();

    String leadAgency();

    String getMessage();
}
