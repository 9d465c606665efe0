package uk.pathways.sharing.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.sharing.SharingLog;
import uk.pathways.web.PathwaysPage;

/**
 * {@code /cases/{caseId}/sharing}: what of the case was shared, with whom, when, by whom and on which lawful basis,
 * for the case's lead agency, its managers and administrators (a data protection officer reads it through them);
 * others get the refusal page. Every read and refusal is audited.
 */
@Controller
@PathwaysPage
class SharingPages {

    private final CaseAccess access;
    private final SharingLog log;
    private final Actors actors;

    private final SubjectAccessExport export;
    private final SubjectAccessPdf pdf;

    SharingPages(CaseAccess access, SharingLog log, Actors actors, SubjectAccessExport export, SubjectAccessPdf pdf) {
        this.export = export;
        this.pdf = pdf;
        this.access = access;
        this.log = log;
        this.actors = actors;
    }

    @GetMapping("/cases/{caseId}/sharing")
    String sharing(@PathVariable String caseId, Principal principal, Model model) {
        access.checkLeadRead(principal.getName(), caseId, "PAGE", "sharing log");
        var shares = log.of(caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("shares", shares);
        model.addAttribute(
                "people", actors.namesOf(shares.stream().map(s -> s.sharedBy()).toList()));
        return "sharing/log";
    }

    /** The subject access export from the data protection page (a system administrator's session), as a PDF. */
    @GetMapping("/cases/{caseId}/subject-access.pdf")
    org.springframework.http.ResponseEntity<byte[]> subjectAccessPdf(@PathVariable String caseId, Principal principal) {
        return pdf.answer(caseId, export.export(caseId, principal.getName(), "PAGE", "PDF"));
    }

    /** The same export as JSON, downloaded. */
    @GetMapping(value = "/cases/{caseId}/subject-access.json", produces = "application/json")
    org.springframework.http.ResponseEntity<java.util.Map<String, Object>> subjectAccessJson(
            @PathVariable String caseId, Principal principal) {
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"subject-access-" + caseId + ".json\"")
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.export(caseId, principal.getName(), "PAGE", "JSON"));
    }
}
