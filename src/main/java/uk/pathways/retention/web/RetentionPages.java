package uk.pathways.retention.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.retention.RecordClass;
import uk.pathways.retention.Retention;
import uk.pathways.web.FormErrors;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * {@code /data-protection}: the data protection officer's page (through a system administrator's account): the
 * retention schedule in words, tonight's dry-run report (what is due, what is held), legal holds to place and lift,
 * the job's runs, the tombstones, and a subject access export by case.
 */
@Controller
@PathwaysPage
class RetentionPages {

    private final Retention retention;
    private final DataProtectionOfficer officer;
    private final Actors actors;

    RetentionPages(Retention retention, DataProtectionOfficer officer, Actors actors) {
        this.retention = retention;
        this.officer = officer;
        this.actors = actors;
    }

    record ScheduleRow(RecordClass recordClass, String words, String rule) {}

    @GetMapping("/data-protection")
    String page(Principal principal, Model model) {
        officer.check(principal);
        return show(model, FormErrors.none(), "", "");
    }

    private String show(Model model, FormErrors errors, String caseId, String reason) {
        model.addAttribute(
                "schedule",
                Arrays.stream(RecordClass.values())
                        .map(c -> new ScheduleRow(c, c.words(), retention.rule(c)))
                        .toList());
        model.addAttribute("auditRows", retention.schedule().getAuditRows().getYears());
        model.addAttribute("erase", retention.schedule().isErase());
        model.addAttribute("report", retention.report(Now.today()));
        model.addAttribute("holds", retention.holds());
        model.addAttribute("runs", retention.runs(10));
        model.addAttribute("tombstones", retention.tombstones(20));
        model.addAttribute("errors", errors);
        model.addAttribute("holdCaseId", caseId);
        model.addAttribute("holdReason", reason);
        return "dataprotection/retention";
    }

    @PostMapping("/data-protection/holds")
    String place(
            @RequestParam(defaultValue = "") String caseId,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        officer.check(principal);
        FormErrors errors = FormErrors.none();
        if (caseId.isBlank()) {
            errors.add("caseId", "Enter the case reference, like CASE-2026-000123");
        }
        if (reason.isBlank()) {
            errors.add("reason", "Enter why the case must be kept");
        } else if (reason.length() > 1000) {
            errors.add("reason", "Keep the reason to 1000 characters");
        }
        if (!errors.any()) {
            try {
                retention.placeHold(
                        caseId.strip(),
                        reason.strip(),
                        principal.getName(),
                        actors.of(principal.getName(), List.of()).agency());
                return "redirect:/data-protection#holds";
            } catch (NoSuchElementException e) {
                errors.add("caseId", "There is no case " + caseId.strip());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(model, errors, caseId, reason);
    }

    @PostMapping("/data-protection/holds/{caseId}/lift")
    String lift(
            @PathVariable String caseId,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        officer.check(principal);
        if (reason.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, FormErrors.none().add("lift-" + caseId, "Enter why the hold is lifted"), "", "");
        }
        try {
            retention.liftHold(
                    caseId,
                    reason.strip(),
                    principal.getName(),
                    actors.of(principal.getName(), List.of()).agency());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/data-protection#holds";
    }

    /** The subject access form: to the case's export (PDF or JSON). */
    @GetMapping("/data-protection/subject-access")
    String subjectAccess(
            @RequestParam(name = "sarCaseId", defaultValue = "") String caseId,
            @RequestParam(defaultValue = "pdf") String format,
            Principal principal,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        officer.check(principal);
        String id = caseId.strip();
        if (id.isEmpty() || !retention.caseExists(id)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("sarCaseId", caseId);
            return show(
                    model,
                    FormErrors.none()
                            .add("sarCaseId", id.isEmpty() ? "Enter the case reference" : "There is no case " + id),
                    "",
                    "");
        }
        return "redirect:/cases/" + id + "/subject-access." + ("json".equals(format) ? "json" : "pdf");
    }

    @Bean
    static PageLink dataProtectionLink() {
        return new PageLink("Data protection", "/data-protection", 80, groups -> groups.contains(Agency.CAMUNDA_ADMIN));
    }
}
