package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;

/**
 * A practitioner who leaves an agency while signed in to the pages loses its access within a minute: the session's
 * groups are compared with their memberships at most once a minute, and one who left a group is signed out.
 */
@PathwaysTest
class ChangedMembershipsTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    IdentityService identityService;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Pages.mvc(context);
    }

    @AfterEach
    void restoreMembership() {
        Pages.ensureMember(identityService, "police-worker", "police");
    }

    @Test
    void aPractitionerRemovedFromTheirAgencyIsSignedOutWithinAMinute() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "police-worker");
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());

        identityService.deleteMembership("police-worker", "police");

        // within the minute the session's groups stand
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
        aMinutePassed(session);
        mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login?changed"));
        assertThat(session.isInvalid()).as("signed out").isTrue();
        mvc.perform(get("/login?changed"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "You were signed out because your agencies or roles changed.")));
    }

    @Test
    void aPractitionerWhoseAgenciesDidNotChangeCarriesOn() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "police-worker");
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());

        aMinutePassed(session);

        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aPractitionerGivenAnotherGroupCarriesOnAndHasItAtTheNextSignIn() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "police-worker");
        identityService.createMembership("police-worker", "police-managers");
        try {
            aMinutePassed(session);

            mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
            assertThat(session.isInvalid()).isFalse();
        } finally {
            identityService.deleteMembership("police-worker", "police-managers");
        }
    }

    private static void aMinutePassed(MockHttpSession session) {
        session.setAttribute(
                SecurityConfiguration.EngineAuthentication.GROUPS_CHECKED_AT,
                System.currentTimeMillis() - SecurityConfiguration.EngineAuthentication.RECHECK.toMillis() - 1);
    }
}
