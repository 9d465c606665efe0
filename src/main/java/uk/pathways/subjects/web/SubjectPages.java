package uk.pathways.subjects.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditEntry;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseAccessDenied;
import uk.pathways.subjects.NewSubject;
import uk.pathways.subjects.Subject;
import uk.pathways.subjects.SubjectFile;
import uk.pathways.subjects.Subjects;
import uk.pathways.web.ConflictException;
import uk.pathways.web.FormErrors;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * The subjects' pages: {@code /subjects} finds subjects of concern (police-only ones for the police alone),
 * {@code /subjects/new} records one (a location or vehicle from a child's case, for any agency involved in it; a
 * person, for the police), and {@code /subjects/{id}}, the investigator's page, shows a subject with its links across
 * children's cases and its associated subjects, and links it to another case or subject or raises the concern.
 */
@Controller
@PathwaysPage
class SubjectPages {

    private final Subjects subjects;
    private final Actors actors;
    private final CaseAccess access;

    SubjectPages(Subjects subjects, Actors actors, CaseAccess access) {
        this.subjects = subjects;
        this.actors = actors;
        this.access = access;
    }

    @GetMapping("/subjects")
    String find(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "district", required = false) String district,
            Principal principal,
            Model model) {
        FormErrors errors = new FormErrors();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("kinds", Subject.KINDS);
        model.addAttribute("police", subjects.isPolice(principal.getName()));
        List<Subject> found = List.of();
        try {
            found = subjects.search(q, kind, district, principal.getName(), AuditEntry.DOOR_PAGE);
        } catch (InvalidInputException e) {
            errors.addAll(e.problems());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("subjects", found);
        return "subjects/find";
    }

    @GetMapping("/subjects/new")
    String form(@RequestParam(name = "caseId", required = false) String caseId, Principal principal, Model model) {
        if (!subjects.mayReadSubjects(principal.getName())) {
            throw new org.springframework.security.access.AccessDeniedException("Only the agencies record subjects");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("caseId", caseId == null ? "" : caseId);
        return newForm(values, new FormErrors(), principal, model);
    }

    @PostMapping("/subjects")
    String record(@RequestParam Map<String, String> form, Principal principal, Model model) {
        FormErrors errors = new FormErrors();
        BigDecimal latitude = decimal(form.get("latitude"), "latitude", errors);
        BigDecimal longitude = decimal(form.get("longitude"), "longitude", errors);
        NewSubject input = new NewSubject(
                form.get("kind"),
                form.get("category"),
                form.get("label"),
                form.get("description"),
                form.get("district"),
                latitude,
                longitude,
                subjects.isPolice(principal.getName())
                        ? "true".equals(form.get("policeOnly")) || "PERSON".equals(form.get("kind"))
                        : null,
                form.get("caseId"),
                form.get("reason"));
        caseProblem(form.get("caseId"), "caseId", errors);
        if (!errors.any()) {
            try {
                Subject subject = subjects.record(input, principal.getName(), AuditEntry.DOOR_PAGE);
                return "redirect:/subjects/" + subject.subjectId();
            } catch (InvalidInputException e) {
                errors.addAll(e.problems());
            } catch (CaseAccessDenied e) {
                errors.add("caseId", notInvolved(e));
            }
        }
        return newForm(form, errors, principal, model);
    }

    @GetMapping("/subjects/{subjectId}")
    String show(@PathVariable String subjectId, Principal principal, Model model) {
        return subject(subjectId, new FormErrors(), Map.of(), principal, model);
    }

    @PostMapping("/subjects/{subjectId}/links")
    String link(
            @PathVariable String subjectId,
            @RequestParam Map<String, String> posted,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        boolean toSubject = "subject".equals(posted.get("to"));
        String prefix = toSubject ? "association." : "link.";
        // the page's inputs are named by their form ("link.caseId"), so that each form's errors are its own
        Map<String, String> form = new LinkedHashMap<>();
        posted.forEach((k, v) -> form.put(k.startsWith(prefix) ? k.substring(prefix.length()) : k, v));
        FormErrors errors = new FormErrors();
        try {
            if (toSubject) {
                subjects.associate(
                        subjectId,
                        form.get("subjectId"),
                        form.get("reason"),
                        principal.getName(),
                        AuditEntry.DOOR_PAGE);
                redirect.addFlashAttribute(
                        "done", "Linked to " + form.get("subjectId").strip());
            } else if (caseProblem(form.get("caseId"), prefix + "caseId", errors)) {
                return subject(subjectId, errors, valuesOf(form, prefix), principal, model);
            } else {
                subjects.linkToCase(
                        subjectId, form.get("caseId"), form.get("reason"), principal.getName(), AuditEntry.DOOR_PAGE);
                redirect.addFlashAttribute(
                        "done", "Linked to case " + form.get("caseId").strip());
            }
            return "redirect:/subjects/" + subjectId;
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.add(prefix + p.field(), p.message()));
        } catch (ConflictException e) {
            errors.add(prefix + (toSubject ? "subjectId" : "caseId"), e.getMessage());
        } catch (CaseAccessDenied e) {
            errors.add(prefix + "caseId", notInvolved(e));
        }
        return subject(subjectId, errors, valuesOf(form, prefix), principal, model);
    }

    private static Map<String, String> valuesOf(Map<String, String> form, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(prefix + k, v));
        return values;
    }

    /** A case that is not there is a mistake in the form, not a missing page: said at the field. */
    private boolean caseProblem(String caseId, String field, FormErrors errors) {
        if (caseId != null && !caseId.isBlank() && !access.exists(caseId.strip())) {
            errors.add(field, "There is no case " + caseId.strip() + ": check the case number");
            return true;
        }
        return false;
    }

    private static String notInvolved(CaseAccessDenied e) {
        return "Your agency is not involved in case " + e.caseId() + ": ask its lead agency (" + e.leadAgency()
                + ") for access first";
    }

    @PostMapping("/subjects/{subjectId}/escalation")
    String escalate(
            @PathVariable String subjectId,
            @RequestParam Map<String, String> form,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            subjects.escalate(subjectId, form.get("reason"), principal.getName(), AuditEntry.DOOR_PAGE);
            redirect.addFlashAttribute("done", "The concern is now high");
            return "redirect:/subjects/" + subjectId;
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.add("escalation." + p.field(), p.message()));
        } catch (ConflictException e) {
            errors.add("escalation.reason", e.getMessage());
        }
        return subject(
                subjectId, errors, Map.of("escalation.reason", form.getOrDefault("reason", "")), principal, model);
    }

    private static BigDecimal decimal(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "The " + field + " must be a number, like 52.4914");
            return null;
        }
    }

    private String newForm(Map<String, String> values, FormErrors errors, Principal principal, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("police", subjects.isPolice(principal.getName()));
        model.addAttribute("categories", Subject.CATEGORIES);
        model.addAttribute("kinds", Subject.KINDS);
        return "subjects/new";
    }

    private String subject(
            String subjectId, FormErrors errors, Map<String, String> values, Principal principal, Model model) {
        SubjectFile file = subjects.read(subjectId, principal.getName(), AuditEntry.DOOR_PAGE);
        List<String> ids = new ArrayList<>(List.of(file.subject().recordedBy()));
        file.cases().forEach(c -> ids.add(c.recordedBy()));
        file.associates().forEach(a -> ids.add(a.recordedBy()));
        file.escalations().forEach(e -> ids.add(e.escalatedBy()));
        model.addAttribute("file", file);
        model.addAttribute("s", file.subject());
        model.addAttribute("people", actors.namesOf(ids));
        model.addAttribute("police", subjects.isPolice(principal.getName()));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "subjects/subject";
    }

    @Bean
    static PageLink subjectsLink() {
        return new PageLink(
                "Subjects of concern",
                "/subjects",
                40,
                groups -> groups.stream().anyMatch(g -> Agency.ofGroup(g).isPresent()));
    }
}
