package uk.pathways.notification.web;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.pathways.agency.Agency;
import uk.pathways.notification.NotificationLog;
import uk.pathways.notification.NotificationView;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * {@code GET /api/admin/notifications}: the e-mails Pathways queued, sent, recorded (no mail server configured)
 * or could not send, newest first; for members of {@code camunda-admin} only. Failed deliveries are retried in
 * Cockpit (the incident on their notification-delivery process).
 */
@RestController
@RequestMapping("/api/admin/notifications")
class NotificationAdminController {

    private final NotificationLog log;

    NotificationAdminController(NotificationLog log) {
        this.log = log;
    }

    @GetMapping(produces = "application/json")
    List<NotificationView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String caseId,
                                @RequestParam(defaultValue = "100") int limit, Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> ("GROUP_" + Agency.CAMUNDA_ADMIN).equals(a.getAuthority()));
        if (!admin) {
            throw new AccessDeniedException("Only members of " + Agency.CAMUNDA_ADMIN + " may read the notifications");
        }
        try {
            return log.recent(status, caseId, limit);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("status", e.getMessage())));
        }
    }
}
