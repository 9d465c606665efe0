package uk.pathways.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/** Failed sign-ins at the Pathways doors (API, pages) are audited; the engine's doors are audited by {@link EngineDoorsAudit}. */
@Component
class SignInFailures {

    private final AuditTrail audit;

    SignInFailures(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        // the /api chain marks its sign-ins with the details "API" (SecurityConfiguration); pages use form login
        String door = "API".equals(event.getAuthentication().getDetails()) ? AuditEntry.DOOR_API : AuditEntry.DOOR_PAGE;
        audit.recordAlone(
                event.getAuthentication().getName(),
                null,
                AuditEntry.SIGN_IN_FAILED,
                door,
                null,
                null,
                event.getException().getClass().getSimpleName(),
                null);
    }
}
