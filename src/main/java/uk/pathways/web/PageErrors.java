package uk.pathways.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Pages answer a missing or forbidden thing with a page, never with problem+json (that is {@link ApiProblems}). */
@ControllerAdvice(annotations = PathwaysPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final PageModel pageModel;

    PageErrors(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Principal principal, Model model) {
        layout(request, principal, model);
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(HttpServletRequest request, Principal principal, Model model) {
        layout(request, principal, model);
        return "errors/forbidden";
    }

    /** An exception handler's model does not get the @ModelAttribute methods: the layout's model is added here. */
    private void layout(HttpServletRequest request, Principal principal, Model model) {
        model.addAttribute("navigation", pageModel.navigation(principal));
        model.addAttribute("currentPath", pageModel.currentPath(request));
        model.addAttribute("signedInAs", pageModel.signedInAs(principal));
    }
}
