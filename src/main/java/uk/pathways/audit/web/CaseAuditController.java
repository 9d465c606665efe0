package uk.pathways.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;
import uk.pathways.casefile.CaseAccess;

/** {@code GET /api/cases/{caseId}/audit}: a case's audit trail, for managers of the agencies involved. Read-only. */
@RestController
@Tag(name = "Cases")
class CaseAuditController {

    private final AuditTrail audit;
    private final CaseAccess access;

    CaseAuditController(AuditTrail audit, CaseAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @Operation(
            summary = "Read a case's audit trail",
            description = "Who read, changed or was refused the case, when and "
                    + "through which door (pages, API, engine); for managers of the agencies involved. Read-only.")
    @ApiResponse(responseCode = "200", description = "The audit trail")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a manager of an agency involved in the case",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(value = "/api/cases/{caseId}/audit", produces = "application/json")
    List<AuditEntry> audit(@PathVariable String caseId, Principal principal) {
        if (!access.exists(caseId)) {
            throw new NoSuchElementException("No case " + caseId);
        }
        if (!access.isManagerOf(principal.getName(), caseId)) {
            throw new AccessDeniedException(
                    "Only a manager of an agency involved in case " + caseId + " may read its audit");
        }
        return audit.ofCase(caseId);
    }
}
