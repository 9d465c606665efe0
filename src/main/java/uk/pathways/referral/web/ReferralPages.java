package uk.pathways.referral.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.referral.ChildValidation;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.ReferralValidator;
import uk.pathways.referral.Referrals;
import uk.pathways.screening.IndicatorCatalogue;
import uk.pathways.web.ChildLabels;
import uk.pathways.web.FormErrors;
import uk.pathways.web.InvalidInputException;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * "Make a referral" for a practitioner of any agency: the form, its errors the GOV.UK way, and the
 * confirmation with the reference. The form becomes the body of {@code POST /api/referrals} and goes
 * through the same {@link ReferralValidator}, so the page and the API accept exactly the same referrals.
 */
@Controller
@PathwaysPage
class ReferralPages {

    static final String WEB = "WEB";

    private final ReferralValidator validator;
    private final Referrals referrals;
    private final Actors actors;
    private final CaseAccess access;
    private final IndicatorCatalogue catalogue;
    private final ChildValidation childValidation;
    private final IdentityService identityService;
    private final ObjectMapper json;

    ReferralPages(
            ReferralValidator validator,
            Referrals referrals,
            Actors actors,
            CaseAccess access,
            IndicatorCatalogue catalogue,
            ChildValidation childValidation,
            IdentityService identityService,
            ObjectMapper json) {
        this.validator = validator;
        this.referrals = referrals;
        this.actors = actors;
        this.access = access;
        this.catalogue = catalogue;
        this.childValidation = childValidation;
        this.identityService = identityService;
        this.json = json;
    }

    @GetMapping("/referrals/new")
    String form(Principal principal, Model model) {
        ReferralForm form = ReferralForm.empty();
        actors.agenciesOf(principal.getName()).stream().findFirst().ifPresent(a -> form.with("referrer.agency", a));
        User user =
                identityService.createUserQuery().userId(principal.getName()).singleResult();
        if (user != null) {
            form.with("referrer.name", ((nz(user.getFirstName()) + " " + nz(user.getLastName())).strip()));
            form.with("referrer.email", nz(user.getEmail()));
        }
        return show(model, form, FormErrors.none());
    }

    @PostMapping("/referrals/new")
    String refer(
            @RequestParam MultiValueMap<String, String> params,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        ReferralForm form = ReferralForm.of(params);
        NewReferral referral;
        ReferralAccepted accepted;
        try {
            referral = validator.validate(form.toJson(json), Now.today());
            // the child's identifiers may contradict the record (another child's case, another date of birth)
            accepted = referrals.receive(
                    referral, actors.of(principal.getName(), List.of(referral.referrerAgency())), WEB);
        } catch (InvalidInputException e) {
            FormErrors errors = new FormErrors()
                    .addAll(form.worded(e.problems()))
                    .target(ReferralForm.DOB, form.dateTarget())
                    .target("child.lookedAfter", "child-lookedAfter")
                    .target("indicators", "indicators");
            return show(model, form, errors);
        }
        redirect.addFlashAttribute("reference", accepted.reference());
        redirect.addFlashAttribute("caseId", accepted.caseId());
        redirect.addFlashAttribute("childName", referral.child().displayName());
        redirect.addFlashAttribute("joined", accepted.joinedExistingCase());
        return "redirect:/referrals/confirmation";
    }

    @GetMapping("/referrals/confirmation")
    String confirmation(Model model, Principal principal) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/";
        }
        String caseId = (String) model.getAttribute("caseId");
        model.addAttribute("mayReadCase", access.mayRead(principal.getName(), caseId));
        return "referrals/confirmation";
    }

    private String show(Model model, ReferralForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("indicators", catalogue.all());
        model.addAttribute("agencies", Arrays.asList(Agency.values()));
        model.addAttribute("genders", ChildLabels.GENDERS);
        model.addAttribute("ethnicities", ChildLabels.ETHNICITIES);
        model.addAttribute("districts", childValidation.districts());
        return "referrals/new";
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    @Bean
    static PageLink makeReferralLink() {
        return new PageLink("Make a referral", "/referrals/new", 10);
    }
}
