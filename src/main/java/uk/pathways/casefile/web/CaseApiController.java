package uk.pathways.casefile.web;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseSearch;
import uk.pathways.casefile.CaseView;
import uk.pathways.casefile.CaseViews;
import uk.pathways.web.JsonFields;

/** {@code /api/cases} (contract section 6): the case as one story, for the agencies involved; search; access requests. */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

    private final CaseViews views;
    private final CaseAccess access;
    private final CaseSearch search;

    CaseApiController(CaseViews views, CaseAccess access, CaseSearch search) {
        this.views = views;
        this.access = access;
        this.search = search;
    }

    @GetMapping(value = "/{caseId}", produces = "application/json")
    CaseView get(@PathVariable String caseId, Principal principal) {
        access.checkRead(principal.getName(), caseId, "API", "case view");
        return views.view(caseId, principal.getName()).orElseThrow();
    }

    /** Name, date of birth and involved agencies only; {@code mayRead} says whether the full case is open to the caller. */
    @GetMapping(produces = "application/json")
    List<Map<String, Object>> find(@RequestParam(required = false) String name,
                                   @RequestParam(required = false) String dateOfBirth,
                                   @RequestParam(required = false) String reference, Principal principal) {
        JsonFields fields = new JsonFields();
        LocalDate dob = null;
        if (dateOfBirth != null && !dateOfBirth.isBlank()) {
            try {
                dob = LocalDate.parse(dateOfBirth.strip());
            } catch (java.time.format.DateTimeParseException e) {
                fields.problem("dateOfBirth", "Date of birth must be a real date, written YYYY-MM-DD");
            }
        }
        if ((name == null || name.isBlank()) && dob == null && (reference == null || reference.isBlank()) && !fields.hasProblems()) {
            fields.problem("name", "Enter a name, a date of birth or a reference");
        }
        fields.throwIfProblems();
        return search.find(principal.getName(), "API", name, dob, reference).stream().map(f -> Map.<String, Object>of(
                "caseId", f.caseId(), "firstName", f.firstName(), "lastName", f.lastName(),
                "dateOfBirth", f.dateOfBirth().toString(), "involvedAgencies", f.involvedAgencies(),
                "mayRead", access.mayRead(principal.getName(), f.caseId()))).toList();
    }

    @PostMapping(value = "/{caseId}/access-requests", consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> requestAccess(@PathVariable String caseId, @RequestBody JsonNode body, Principal principal) {
        JsonFields fields = new JsonFields();
        String reason = fields.text(body, "reason", "reason", true, 1000);
        fields.throwIfProblems();
        long id = access.requestAccess(caseId, principal.getName(), reason);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/access-requests/" + id))
                .body(Map.of("id", id, "status", "PENDING"));
    }

    @PostMapping(value = "/{caseId}/access-requests/{id}/grant", produces = "application/json")
    Map<String, Object> grant(@PathVariable String caseId, @PathVariable long id, Principal principal) {
        access.grantAccess(caseId, id, principal.getName());
        return Map.of("id", id, "status", "GRANTED");
    }
}
