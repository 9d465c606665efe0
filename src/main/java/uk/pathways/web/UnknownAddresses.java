package uk.pathways.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: a browser gets the GOV.UK-styled "Page not found" page (with the menu when signed in),
 * a partner system problem+json, as for every other error of {@code /api}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddresses {

    private final PageModel pageModel;

    UnknownAddresses(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(HttpServletRequest request, Principal principal) {
        String accept = request.getHeader("Accept");
        if (accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE)
                && !request.getRequestURI().startsWith("/api/")) {
            ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
            page.addObject("navigation", pageModel.navigation(principal));
            page.addObject("currentPath", pageModel.currentPath(request));
            page.addObject("signedInAs", pageModel.signedInAs(principal));
            return page;
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at this address.");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
