package uk.pathways.casefile;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * An agency not involved in a case asked to read it (contract section 8): 403, with the agencies that are involved
 * and the one leading the case, so that the reader knows whom to call.
 */
public class CaseAccessDenied extends AccessDeniedException implements uk.pathways.web.NotInvolved {

    private final String caseId;
    private final List<String> involvedAgencies;
    private final String leadAgency;

    public CaseAccessDenied(String caseId, List<String> involvedAgencies, String leadAgency) {
        super("Your agency is not involved in case " + caseId + ". Call the lead agency (" + leadAgency
                + "), or ask for access with a reason: POST /api/cases/" + caseId + "/access-requests");
        this.caseId = caseId;
        this.involvedAgencies = List.copyOf(involvedAgencies);
        this.leadAgency = leadAgency;
    }

    @Override
    public String caseId() {
        return caseId;
    }

    @Override
    public List<String> involvedAgencies() {
        return involvedAgencies;
    }

    @Override
    public String leadAgency() {
        return leadAgency;
    }
}
