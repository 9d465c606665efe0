package uk.pathways.panel.web;

import java.security.Principal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.pathways.agency.Agency;
import uk.pathways.panel.PanelReader;
import uk.pathways.panel.PanelScheduler;
import uk.pathways.panel.PanelWording;
import uk.pathways.panel.Panels;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * The exploitation panel's pages for the agencies that sit on it: {@code /panels}, the panels past and to come (and,
 * for a police or children's services manager, a panel scheduled now); {@code /panels/{id}}, one panel's agenda with
 * the decision on each item and the actions agreed, within need-to-know.
 */
@Controller
@PathwaysPage
class PanelPages {

    private final PanelReader reader;
    private final PanelScheduler scheduler;

    PanelPages(PanelReader reader, PanelScheduler scheduler) {
        this.reader = reader;
        this.scheduler = scheduler;
    }

    @GetMapping("/panels")
    String panels(Principal principal, Model model) {
        List<Panels.Panel> panels = reader.list(principal.getName());
        model.addAttribute("panels", panels);
        model.addAttribute("maySchedule", scheduler.maySchedule(principal.getName()));
        return "panels/panels";
    }

    @PostMapping("/panels")
    String schedule(Principal principal, RedirectAttributes redirect) {
        Panels.Panel panel = scheduler.schedule(principal.getName());
        redirect.addFlashAttribute(
                "notice",
                "Panel " + panel.reference() + " is scheduled: its agenda is ready and its co-chairs have"
                        + " the task to record its decisions.");
        return "redirect:/panels/" + panel.panelId();
    }

    @GetMapping("/panels/{panelId}")
    String panel(@PathVariable String panelId, Principal principal, Model model) {
        PanelReader.PanelView panel = reader.read(principal.getName(), panelId, "PAGE");
        model.addAttribute("panel", panel);
        model.addAttribute("wording", new Wording());
        return "panels/panel";
    }

    /** The item kinds' words, for the template. */
    static final class Wording {
        public String kind(String kind) {
            return PanelWording.kind(kind);
        }
    }

    @Bean
    static PageLink panelsLink() {
        // for the agencies that may sit on a panel; each page checks the configured ones
        return new PageLink(
                "Exploitation panel",
                "/panels",
                40,
                groups -> groups.stream().anyMatch(g -> Agency.ofGroup(g).isPresent()));
    }
}
