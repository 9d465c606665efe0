package uk.pathways.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * The register's pages as a police officer uses them: the menu's "Disruption register", record an entry (errors at
 * each field, nothing recorded), see it with its subject and the case it protects, add a breach, record the outcome;
 * other agencies get 403 and no menu entry.
 */
@PathwaysTest
class DisruptionPagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pathway pathway;

    MockMvc mvc;

    @BeforeEach
    void pages() {
        mvc = Pages.mvc(context);
    }

    @Test
    void aPoliceOfficerRecordsAnEntryAddsABreachAndRecordsItsOutcome() throws Exception {
        MockHttpSession police = Pages.signIn(mvc, "police-worker");
        ReferralAccepted referral = pathway.refer(15, List.of());
        String subject = Subjects.location(jdbc, "Synthetic Hotel India", "Wellingborough");

        String home =
                mvc.perform(get("/").session(police)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/disruption\"");
        assertThat(mvc.perform(get("/disruption/new").session(police))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Child abduction warning notice (expires)", "Engagement with hotels");

        Integer before = jdbc.queryForObject("select count(*) from pw_disruption", Integer.class);
        MvcResult refused = mvc.perform(post("/disruption/new")
                        .session(police)
                        .with(csrf())
                        .param("tactic", "SRO")
                        .param("subjectId", subject)
                        .param("servedBy", "police")
                        .param("servedOn", "not a date"))
                .andReturn();
        String errors = refused.getResponse().getContentAsString();
        assertThat(errors).contains("There is a problem", "href=\"#servedOn\"", "href=\"#expiresOn\"");
        assertThat(errors).contains("value=\"" + subject + "\"");
        assertThat(jdbc.queryForObject("select count(*) from pw_disruption", Integer.class))
                .isEqualTo(before);

        MvcResult recorded = mvc.perform(post("/disruption/new")
                        .session(police)
                        .with(csrf())
                        .param("tactic", "HOTELS")
                        .param("subjectId", subject)
                        .param("caseIds", referral.caseId())
                        .param("servedBy", "police")
                        .param("servedOn", Now.today().toString()))
                .andReturn();
        String location = recorded.getResponse().getRedirectedUrl();
        assertThat(location).matches("/disruption/DIS-\\d{4}-\\d{6}");
        String id = location.substring("/disruption/".length());

        String page = mvc.perform(get(location).session(police))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Engagement with hotels", "Synthetic Hotel India", referral.caseId(), "Wellingborough");
        assertThat(page).contains("No breach recorded.", "Does not expire");

        mvc.perform(post(location + "/breaches")
                .session(police)
                .with(csrf())
                .param("breachedOn", Now.today().toString())
                .param("note", "Child booked in by an adult (synthetic)"));
        mvc.perform(post(location + "/outcome")
                .session(police)
                .with(csrf())
                .param("outcome", "COMPLIED")
                .param("outcomeOn", Now.today().toString())
                .param("notes", "Hotel staff trained (synthetic)"));
        page = mvc.perform(get(location).session(police))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "Child booked in by an adult (synthetic)", "Complied with", "Hotel staff trained (synthetic)");
        assertThat(page).doesNotContain("id=\"outcome-form\"");

        String register = mvc.perform(get("/disruption").session(police))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(register).contains(id, "Synthetic Hotel India");
    }

    @Test
    void otherAgenciesNeitherSeeNorOpenTheRegister() throws Exception {
        String subject = Subjects.location(jdbc, "Synthetic Takeaway Juliet", "Corby");
        MockHttpSession police = Pages.signIn(mvc, "police-manager");
        String location = mvc.perform(post("/disruption/new")
                        .session(police)
                        .with(csrf())
                        .param("tactic", "LICENSING")
                        .param("subjectId", subject)
                        .param("servedBy", "police")
                        .param("servedOn", Now.today().toString()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/disruption/DIS-");
        for (String user : List.of("childrens-services-worker", "health-manager", "performance-reader")) {
            MockHttpSession other = Pages.signIn(mvc, user);
            assertThat(mvc.perform(get("/").session(other))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain("href=\"/disruption\"");
            for (String path : List.of("/disruption", "/disruption/new", location)) {
                MvcResult r = mvc.perform(get(path).session(other)).andReturn();
                assertThat(r.getResponse().getStatus()).as(user + " " + path).isEqualTo(403);
                assertThat(r.getResponse().getContentAsString()).doesNotContain("Synthetic Takeaway Juliet");
            }
        }
    }
}
