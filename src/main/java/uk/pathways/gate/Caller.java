package uk.pathways.gate;

import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import uk.pathways.agency.Agency;

/**
 * Who is behind an engine command: a signed-in user through one of the doors (the Tasklist, {@code /engine-rest}, the
 * webapps' API, a Pathways page or {@code /api} calling the engine for them), or the platform itself (the job
 * executor, a timer, Pathways' own work behind its own access rules, which runs with the engine's checks off).
 */
record Caller(String userId, List<String> groups, boolean platform) {

    static Caller of(CommandContext context) {
        if (context == null || context.getAuthenticatedUserId() == null || !context.isAuthorizationCheckEnabled()) {
            return new Caller(null, List.of(), true);
        }
        List<String> groups = context.getAuthenticatedGroupIds() == null
                ? List.of()
                : List.copyOf(context.getAuthenticatedGroupIds());
        return new Caller(context.getAuthenticatedUserId(), groups, false);
    }

    boolean admin() {
        return groups.contains(Agency.CAMUNDA_ADMIN);
    }

    /** A user other than a system administrator: the gate's rules for people hold. */
    boolean restricted() {
        return !platform && !admin();
    }

    boolean processOwner() {
        return groups.contains(Agency.PROCESS_OWNERS);
    }

    boolean inGroup(String group) {
        return groups.contains(group);
    }
}
