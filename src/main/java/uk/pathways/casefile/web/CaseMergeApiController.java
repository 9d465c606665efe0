package uk.pathways.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.casefile.CaseMerges;
import uk.pathways.web.JsonFields;

/** {@code /api/cases/{caseId}/merges} (issue 16): a MASH manager merges two cases that are the same child, and undoes it. */
@RestController
@RequestMapping("/api/cases/{caseId}/merges")
@Tag(name = "Cases")
class CaseMergeApiController {

    private static final String PROBLEM = CaseApiController.PROBLEM;

    private final CaseMerges merges;

    CaseMergeApiController(CaseMerges merges) {
        this.merges = merges;
    }

    @Operation(
            summary = "Merge another case into this one",
            description = """
            For a member of `mash-managers`, when two cases are the same child: the other case's referrals, decisions, \
            record, chronology and missing episodes move to this one, its agencies become involved, its identifiers and \
            names become this child's; the repeat-missing rule is counted again over the combined episodes. The other \
            case stays, with status `MERGED`. Audited on both cases, and in both chronologies.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = MergeRequest.class))))
    @ApiResponse(
            responseCode = "201",
            description = "Merged; `Location` is the merge",
            content = @Content(schema = @Schema(implementation = CaseMerges.Merge.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No reason, no case to merge, or the case itself",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a member of `mash-managers`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "A case was merged already, or the cases hold different values of one identifier",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<CaseMerges.Merge> merge(
            @PathVariable String caseId, @RequestBody JsonNode body, Principal principal) {
        JsonFields fields = new JsonFields();
        String merged = fields.text(body, "mergedCaseId", "mergedCaseId", true, 20);
        String reason = fields.text(body, "reason", "reason", true, 1000);
        fields.throwIfProblems();
        CaseMerges.Merge merge = merges.merge(caseId, merged, reason, principal.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/merges/" + merge.id()))
                .body(merge);
    }

    @Operation(
            summary = "Undo a merge",
            description = """
            For a member of `mash-managers`: every row the merge moved goes back to the merged case, and what it added \
            goes; what was recorded on this case since stays here. Audited on both cases, and in both chronologies.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = UndoRequest.class))))
    @ApiResponse(
            responseCode = "200",
            description = "Undone",
            content = @Content(schema = @Schema(implementation = CaseMerges.Merge.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No reason, or one over 1,000 characters",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a member of `mash-managers`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such merge into this case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The merge was undone already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/{mergeId}/undo", consumes = "application/json", produces = "application/json")
    CaseMerges.Merge undo(
            @PathVariable String caseId, @PathVariable long mergeId, @RequestBody JsonNode body, Principal principal) {
        JsonFields fields = new JsonFields();
        String reason = fields.text(body, "reason", "reason", true, 1000);
        fields.throwIfProblems();
        return merges.undo(caseId, mergeId, reason, principal.getName());
    }

    @Schema(name = "MergeRequest")
    record MergeRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The case to merge into this one (it stays, as `MERGED`)",
                    example = "CASE-2026-000002")
            String mergedCaseId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 1000,
                    description = "Why the two cases are the same child")
            String reason) {}

    @Schema(name = "UndoMergeRequest")
    record UndoRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 1000,
                    description = "Why the merge is undone")
            String reason) {}
}
