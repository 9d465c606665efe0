package uk.pathways.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Administration", description = "For members of camunda-admin")
class NotificationAdminController {

    private final NotificationLog log;

    NotificationAdminController(NotificationLog log) {
        this.log = log;
    }

    @Operation(
            summary = "List the e-mails Pathways queued and sent",
            description = "Queued, sent, recorded (no mail "
                    + "server configured) or failed, newest first (docs/notifications.md).")
    @ApiResponse(responseCode = "200", description = "The notifications")
    @ApiResponse(
            responseCode = "400",
            description = "An unknown `status`",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a member of camunda-admin",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(produces = "application/json")
    List<NotificationView> list(
            @Parameter(description = "PENDING, SENDING, SENT, RECORDED, FAILED or NO_RECIPIENT; any if not given")
                    @RequestParam(required = false)
                    String status,
            @RequestParam(required = false) String caseId,
            @Parameter(description = "At most this many (1 to 500)") @RequestParam(defaultValue = "100") int limit,
            Authentication authentication) {
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
