package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;

/** The menu offers each role what it may use: a worker sees no dashboards, the performance group no tasks. */
@PathwaysTest
class MenuTest {

    @Autowired
    WebApplicationContext context;

    @ParameterizedTest(name = "{0}: tasks {1}, dashboards {2}")
    @CsvSource({
        "education-worker, true, false",
        "police-manager, true, true",
        "performance-reader, false, true",
        "admin, false, true"
    })
    void theMenuShowsWhatTheRoleMayUse(String user, boolean tasks, boolean dashboards) throws Exception {
        MockMvc mvc = Pages.mvc(context);
        String home = mvc.perform(get("/").session(Pages.signIn(mvc, user)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String menu = home.substring(
                home.indexOf("govuk-service-navigation__list"),
                home.indexOf("</nav>", home.indexOf("govuk-service-navigation__list")));
        assertThat(menu.contains("href=\"/tasks\""))
                .as("Tasks in the menu of " + user)
                .isEqualTo(tasks);
        assertThat(menu.contains("href=\"/dashboards\""))
                .as("Dashboards in the menu of " + user)
                .isEqualTo(dashboards);
        assertThat(menu).contains("href=\"/cases\"");
    }
}
