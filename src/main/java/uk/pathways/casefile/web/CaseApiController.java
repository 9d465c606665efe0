package uk.pathways.casefile.web;

import java.security.Principal;
import java.util.NoSuchElementException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseView;
import uk.pathways.casefile.CaseViews;

/** {@code GET /api/cases/{caseId}} (contract section 6): the case as one story, for the agencies involved. */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

    private final CaseViews views;
    private final CaseAccess access;

    CaseApiController(CaseViews views, CaseAccess access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping(value = "/{caseId}", produces = "application/json")
    CaseView get(@PathVariable String caseId, Principal principal) {
        if (!access.exists(caseId)) {
            throw new NoSuchElementException("No case " + caseId);
        }
        if (!access.mayRead(principal.getName(), caseId)) {
            throw new AccessDeniedException("Your agency is not involved in case " + caseId);
        }
        return views.view(caseId, principal.getName()).orElseThrow();
    }
}
