package uk.pathways.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/** Failed sign-ins at the Pathways doors (API, pages) are audited; the engine's doors are audited by {@link EngineDoorsAudit}. */
@Component
class SignInFailures {

    private final AuditTrail audit;

    SignInFailures(AuditTrail audit) {
        this.audit = audit;
    }

    /** Who a refused bearer token is in the trail: never the token itself (profile oidc). */
    static final String BEARER = "(bearer token)";

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        // the /api chain marks its sign-ins with the details "API" (SecurityConfiguration); pages use form login
        boolean bearer = event.getAuthentication() instanceof BearerTokenAuthenticationToken;
        Object details = event.getAuthentication().getDetails();
        if (bearer && !(details instanceof String)) {
            return; // profile oidc: a refused token is told once, by the entry point, with its door as the details
        }
        String door = bearer ? details.toString() : "API".equals(details) ? AuditEntry.DOOR_API : AuditEntry.DOOR_PAGE;
        audit.recordAlone(
                bearer ? BEARER : event.getAuthentication().getName(),
                null,
                AuditEntry.SIGN_IN_FAILED,
                door,
                null,
                null,
                event.getException().getClass().getSimpleName(),
                null);
    }
}
