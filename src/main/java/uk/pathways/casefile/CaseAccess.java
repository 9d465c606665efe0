package uk.pathways.casefile;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;

/** Need to know: a case is read by the agencies involved in it (and by system administrators). */
@Component
public class CaseAccess {

    private final CaseFile caseFile;
    private final Actors actors;

    CaseAccess(CaseFile caseFile, Actors actors) {
        this.caseFile = caseFile;
        this.actors = actors;
    }

    public boolean exists(String caseId) {
        return caseFile.find(caseId).isPresent();
    }

    /** The cases matching the query that this user may read (need to know: their agency is involved). */
    public List<CaseSummary> findReadable(String userId, CaseQuery query, int limit) {
        boolean everyCase = actors.groupsOf(userId).contains(Agency.CAMUNDA_ADMIN);
        return caseFile.search(query, everyCase ? null : actors.agenciesOf(userId), limit);
    }

    public boolean mayRead(String userId, String caseId) {
        if (actors.groupsOf(userId).contains(Agency.CAMUNDA_ADMIN)) {
            return true;
        }
        Set<String> agencies = actors.agenciesOf(userId);
        return caseFile.involves(caseId, agencies);
    }
}
