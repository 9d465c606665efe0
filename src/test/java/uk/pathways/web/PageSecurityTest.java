package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;

@PathwaysTest
class PageSecurityTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ServerProperties server;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Pages.mvc(context);
    }

    @Test
    void pagesSendAStrangerToSignIn() throws Exception {
        for (String page :
                new String[] {"/", "/referrals/new", "/cases", "/cases/CASE-2026-000001", "/missing-episodes/new"}) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
        }
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in to Pathways")));
        mvc.perform(get("/govuk/pathways.min.css")).andExpect(status().isOk());
    }

    @Test
    void theApiStillAnswers401WithoutBasicAuthentication() throws Exception {
        mvc.perform(get("/api/cases/CASE-2026-000001"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void signInUsesTheEngineUsersAndRefusesAWrongPassword() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "police-worker");
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Signed in as <strong>Police Worker</strong>")));

        // a made-up user: a wrong password for a demo user would lock it out (login throttling) for later tests
        mvc.perform(formLogin("/login").user("guess-three").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error"))
                .andExpect(content().string(containsString("Enter a correct username and password")));
    }

    @Test
    void formsNeedTheCsrfTokenAndSignOutEndsTheSession() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "education-worker");
        mvc.perform(get("/referrals/new").session(session))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/referrals/new").session(session).param("child.firstName", "Ada"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/referrals/new")
                        .session(session)
                        .param("child.firstName", "Ada")
                        .param("_csrf", "forged"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anUnknownPathUnderThePagesIsAPageNotFound() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "education-worker");
        mvc.perform(get("/cases/CASE-1999-999999").session(session))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
    }
}
