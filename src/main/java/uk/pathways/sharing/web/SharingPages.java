package uk.pathways.sharing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.sharing.ConsentPosition;
import uk.pathways.sharing.Share;
import uk.pathways.sharing.SharingConsent;
import uk.pathways.sharing.SharingLog;
import uk.pathways.web.FormErrors;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PathwaysPage;

/**
 * {@code /cases/{caseId}/sharing}: what of the case was shared, with whom, when, by whom and on which lawful basis,
 * for the case's lead agency, its managers and administrators (a data protection officer reads it through them);
 * others get the refusal page. Every read and refusal is audited. The case's consent position for sharing is there
 * too: the one in force, its history, and (for the lead agency and its managers) the form to record a new one.
 */
@Controller
@PathwaysPage
class SharingPages {

    private final CaseAccess access;
    private final SharingLog log;
    private final SharingConsent consent;
    private final Actors actors;

    private final SubjectAccessExport export;
    private final SubjectAccessPdf pdf;

    SharingPages(
            CaseAccess access,
            SharingLog log,
            SharingConsent consent,
            Actors actors,
            SubjectAccessExport export,
            SubjectAccessPdf pdf) {
        this.export = export;
        this.pdf = pdf;
        this.access = access;
        this.log = log;
        this.consent = consent;
        this.actors = actors;
    }

    /** The consent form's values as typed, to show again beside their errors. */
    record ConsentForm(String position, String from, String day, String month, String year, String reason) {
        static ConsentForm empty() {
            return new ConsentForm("", "", "", "", "", "");
        }
    }

    @GetMapping("/cases/{caseId}/sharing")
    String sharing(@PathVariable String caseId, Principal principal, Model model) {
        access.checkLeadRead(principal.getName(), caseId, "PAGE", "sharing log");
        return show(caseId, principal.getName(), model, ConsentForm.empty(), FormErrors.none());
    }

    /**
     * Records the case's consent position (the lead agency and its managers): the page again with an error summary
     * naming each bad field, or back to the log with the new position in force.
     */
    @PostMapping("/cases/{caseId}/sharing/consent")
    String recordConsent(
            @PathVariable String caseId,
            @RequestParam(defaultValue = "") String position,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(name = "date.day", defaultValue = "") String day,
            @RequestParam(name = "date.month", defaultValue = "") String month,
            @RequestParam(name = "date.year", defaultValue = "") String year,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            Model model,
            HttpServletResponse response) {
        String user = principal.getName();
        consent.checkMayRecord(caseId, user, "PAGE");
        ConsentForm form = new ConsentForm(position, from, day, month, year, reason);
        FormErrors errors = FormErrors.none().target("date", "date-day").target("position", "position");
        LocalDate date = null;
        if (!day.isBlank() || !month.isBlank() || !year.isBlank()) {
            try {
                if (year.strip().length() != 4) {
                    throw new DateTimeException("year");
                }
                date = LocalDate.of(
                        Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
            } catch (RuntimeException e) {
                errors.add("date", "The date must be a real date, like 2 12 2026");
            }
        }
        SharingConsent.NewConsent input = new SharingConsent.NewConsent(position, from, date, reason);
        if (errors.any()) {
            // the date's own problem, then every other field's; nothing is recorded
            errors.addAll(consent.problems(caseId, input));
        } else {
            try {
                consent.record(caseId, input, user, "PAGE");
                return "redirect:/cases/" + caseId + "/sharing#consent-heading";
            } catch (InvalidInputException bad) {
                errors.addAll(bad.problems());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        access.checkLeadRead(user, caseId, "PAGE", "sharing log");
        return show(caseId, user, model, form, errors);
    }

    private String show(String caseId, String userId, Model model, ConsentForm form, FormErrors errors) {
        var shares = log.of(caseId);
        var history = consent.history(caseId);
        List<String> people =
                new ArrayList<>(shares.stream().map(Share::sharedBy).toList());
        history.forEach(c -> people.add(c.recordedBy()));
        model.addAttribute("caseId", caseId);
        model.addAttribute("shares", shares);
        model.addAttribute("people", actors.namesOf(people));
        model.addAttribute("consent", consent.inForce(caseId, history));
        model.addAttribute("consentHistory", history);
        model.addAttribute("mayRecordConsent", consent.mayRecord(userId, caseId));
        model.addAttribute(
                "positions", options(ConsentPosition.POSITION_WORDS, List.of("GIVEN", "REFUSED", "NOT_SOUGHT")));
        model.addAttribute(
                "froms",
                options(
                        Map.of(
                                ConsentPosition.YOUNG_PERSON,
                                "The young person",
                                ConsentPosition.PARENT_OR_CARER,
                                "A parent or carer",
                                ConsentPosition.BOTH,
                                "Both the young person and a parent or carer"),
                        List.of(ConsentPosition.YOUNG_PERSON, ConsentPosition.PARENT_OR_CARER, ConsentPosition.BOTH)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "sharing/log";
    }

    /** A radio: its code and its words. */
    record Option(String value, String label) {}

    private static List<Option> options(Map<String, String> words, List<String> order) {
        return order.stream().map(code -> new Option(code, words.get(code))).toList();
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
