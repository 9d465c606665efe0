package uk.pathways.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every Pathways page's layout needs: the navigation, the current path and who is signed in. */
@ControllerAdvice(annotations = PathwaysPage.class)
class PageModel {

    private final ObjectProvider<PageLink> links;
    private final IdentityService identityService;
    private final uk.pathways.agency.Actors actors;

    PageModel(ObjectProvider<PageLink> links, IdentityService identityService, uk.pathways.agency.Actors actors) {
        this.links = links;
        this.actors = actors;
        this.identityService = identityService;
    }

    @ModelAttribute("navigation")
    List<PageLink> navigation(Principal principal) {
        java.util.Set<String> groups = principal == null ? java.util.Set.of() : actors.groupsOf(principal.getName());
        return links.orderedStream()
                .filter(link -> link.shownTo(groups))
                .sorted(Comparator.comparingInt(PageLink::order))
                .toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        if (principal == null) {
            return null;
        }
        User user =
                identityService.createUserQuery().userId(principal.getName()).singleResult();
        if (user == null) {
            return principal.getName();
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return name.isEmpty() ? principal.getName() : name;
    }
}
