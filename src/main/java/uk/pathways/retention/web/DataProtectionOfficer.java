package uk.pathways.retention.web;

import java.security.Principal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;

/** Retention and legal holds are for a data protection officer, through a system administrator's account. */
@Component
class DataProtectionOfficer {

    private final Actors actors;

    DataProtectionOfficer(Actors actors) {
        this.actors = actors;
    }

    boolean is(Principal principal) {
        return principal != null && actors.groupsOf(principal.getName()).contains(Agency.CAMUNDA_ADMIN);
    }

    void check(Principal principal) {
        if (!is(principal)) {
            throw new AccessDeniedException(
                    "Retention and legal holds are for a data protection officer, through a system administrator's"
                            + " account");
        }
    }
}
