package uk.pathways.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Pathways home page and the sign-in page. */
@Controller
@PathwaysPage
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        // Flags without values (/login?error): present or not.
        model.addAttribute("loginError", request.getParameterMap().containsKey("error"));
        model.addAttribute("signedOut", request.getParameterMap().containsKey("signedOut"));
        model.addAttribute("timedOut", request.getParameterMap().containsKey("timeout"));
        model.addAttribute("changed", request.getParameterMap().containsKey("changed"));
        return "login";
    }
}
