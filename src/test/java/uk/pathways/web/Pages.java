package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Test helper for the Pathways pages: a MockMvc with the real security chains, and signing in through /login. */
public final class Pages {

    public static final String PASSWORD = "Demo!Password1";

    private Pages() {}

    public static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    /** Signs in at /login as a demo user, as a practitioner would, and gives the signed-in session. */
    public static MockHttpSession signIn(MockMvc mvc, String user) throws Exception {
        MvcResult result =
                mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl())
                .as("sign in as %s", user)
                .isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Puts a demo user back in a group a test removed them from (nothing if they are still in it). */
    public static void ensureMember(org.camunda.bpm.engine.IdentityService identityService, String user, String group) {
        if (identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identityService.createMembership(user, group);
        }
    }
}
