package uk.pathways.modeling;

import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.pathways.agency.Agency;

/** Only process owners change pathways (contract section 1: group {@code process-owners}). */
public final class ProcessOwners {

    public static final String GROUP = Agency.PROCESS_OWNERS;

    private ProcessOwners() {}

    public static boolean isOwner(Collection<String> groups) {
        return groups != null && groups.contains(GROUP);
    }

    /**
     * Refuses a signed-in user who is not a process owner. No user at all is the platform itself (the
     * start-up deployment of the shipped models), which may deploy.
     */
    static void check(Authentication authentication, String action) {
        if (authentication == null || authentication.getUserId() == null) {
            return;
        }
        if (!isOwner(authentication.getGroupIds())) {
            throw new AuthorizationException(authentication.getUserId() + " may not " + action
                    + ": only process owners (group " + GROUP + ") may change pathways");
        }
    }
}
