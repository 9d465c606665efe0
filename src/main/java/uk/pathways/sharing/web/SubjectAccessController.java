package uk.pathways.sharing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseId}/subject-access} (JSON) and {@code .../subject-access.pdf}: everything Pathways holds about a child, for a data protection
 * officer answering a subject access request (UK GDPR Article 15), through a system administrator's account: the
 * child, every case record entry whatever its restriction (each marked with who may read it), the referrals, the
 * decisions, the chronology, the sharing log and the audit of who read the case. Entries with free text are listed
 * for review before disclosure: they may hold third parties' information (another person's name, an agency's
 * intelligence). The export itself is audited and written to the sharing log.
 */
@RestController
@Tag(name = "Cases")
class SubjectAccessController {

    private final SubjectAccessExport export;
    private final SubjectAccessPdf pdf;

    SubjectAccessController(SubjectAccessExport export, SubjectAccessPdf pdf) {
        this.export = export;
        this.pdf = pdf;
    }

    @Operation(
            summary = "Export everything held about a child (subject access)",
            description = "For a data protection officer, through a system administrator's account: the child, every"
                    + " case record entry whatever its restriction, referrals, decisions, chronology, sharing log and"
                    + " the audit of reads; free-text entries listed for third-party review. Audited.")
    @ApiResponse(responseCode = "200", description = "Everything held about the child")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
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
    @GetMapping(value = "/api/cases/{caseId}/subject-access", produces = "application/json")
    Map<String, Object> export(@PathVariable String caseId, Principal principal) {
        return export.export(caseId, principal.getName(), "API", "JSON");
    }

    @Operation(
            summary = "Export everything held about a child (subject access) as a PDF",
            description = "The same export as the JSON, laid out for reading and redaction: each section, each"
                    + " entry, and the entries to review for third parties' information marked. Audited.")
    @ApiResponse(
            responseCode = "200",
            description = "The export as a PDF",
            content = @Content(mediaType = "application/pdf"))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a system administrator",
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
    @GetMapping(value = "/api/cases/{caseId}/subject-access.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String caseId, Principal principal) {
        return pdf.answer(caseId, export.export(caseId, principal.getName(), "API", "PDF"));
    }
}
