package uk.pathways.casefile.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.pathways.casefile.CaseMerges;
import uk.pathways.web.ConflictException;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PathwaysPage;

/**
 * Merging on the case page (issue 16): a MASH manager picks a possible duplicate, gives the reason and merges it into
 * the case; or undoes a merge with a reason. The same {@link CaseMerges} as the API; its refusals are shown at the form.
 */
@Controller
@PathwaysPage
class CaseMergePages {

    private final CaseMerges merges;

    CaseMergePages(CaseMerges merges) {
        this.merges = merges;
    }

    @PostMapping("/cases/{caseId}/merges")
    String merge(
            @PathVariable String caseId,
            @RequestParam(required = false) String mergedCaseId,
            @RequestParam(required = false) String reason,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            CaseMerges.Merge merge = merges.merge(caseId, mergedCaseId, reason, principal.getName());
            redirect.addFlashAttribute("mergeDone", "Case " + merge.mergedCaseId() + " was merged into this case.");
            return "redirect:/cases/" + caseId + "#merges";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("mergeErrors", errors(e));
            redirect.addFlashAttribute("mergeReason", reason == null ? "" : reason);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("mergeErrors", Map.of("mergedCaseId", e.getMessage()));
        }
        return "redirect:/cases/" + caseId + "#merge";
    }

    @PostMapping("/cases/{caseId}/merges/{mergeId}/undo")
    String undo(
            @PathVariable String caseId,
            @PathVariable long mergeId,
            @RequestParam(required = false) String reason,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            CaseMerges.Merge merge = merges.undo(caseId, mergeId, reason, principal.getName());
            redirect.addFlashAttribute("mergeDone", "The merge of case " + merge.mergedCaseId() + " was undone.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("undoErrors", errors(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("undoErrors", Map.of("reason", e.getMessage()));
        }
        return "redirect:/cases/" + caseId + "#merges";
    }

    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.putIfAbsent(p.field(), p.message());
        }
        return errors;
    }
}
