package uk.pathways.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Pathways home page and the sign-in page. */
@Controller
@PathwaysPage
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
                 @RequestParam(required = false) String timeout, Model model) {
        model.addAttribute("loginError", error != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("timedOut", timeout != null);
        return "login";
    }
}
