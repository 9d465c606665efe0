package uk.pathways.missing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.missing.MissingEpisode;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingWalk;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

@PathwaysTest
class MissingEpisodePagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MissingWalk walk;

    MockMvc mvc;
    MockHttpSession session;
    Set<String> running;

    @BeforeEach
    void signIn() throws Exception {
        running = walk.running();
        mvc = Pages.mvc(context);
        session = Pages.signIn(mvc, "police-worker");
    }

    @AfterEach
    void deleteStartedInstances() {
        walk.deleteStartedSince(running);
    }

    @Test
    void theFormAsksForTheEpisodeWithPlainRadios() throws Exception {
        mvc.perform(get("/missing-episodes/new").session(session))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("<h1 class=\"govuk-heading-l\">Report a missing child</h1>")))
                .andExpect(content().string(containsString("href=\"/missing-episodes/new\"")))
                .andExpect(content().string(containsString("id=\"missingSince-day\"")))
                .andExpect(content().string(containsString("id=\"missingSince-time\"")))
                .andExpect(content().string(containsString("for=\"policeRisk\">Very low</label>")))
                .andExpect(content().string(containsString("for=\"policeRisk-HIGH\">High</label>")))
                .andExpect(content().string(containsString(">Away from placement without permission</label>")))
                .andExpect(content().string(not(containsString("There is a problem"))));
    }

    @Test
    void aReportWithoutCsrfIsRefused() throws Exception {
        int before = episodeCount();
        mvc.perform(get("/missing-episodes/new").session(session))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        MockHttpServletRequestBuilder request = post("/missing-episodes/new").session(session);
        good(Pathway.child(13)).forEach(request::param);
        mvc.perform(request).andExpect(status().isForbidden());
        assertThat(episodeCount()).isEqualTo(before);
    }

    @Test
    void mistakesAreShownTheGovukWayAndNothingIsRecorded() throws Exception {
        int before = episodeCount();
        mvc.perform(report(Pathway.child(13), "policeRisk", "", "seen.time", "", "episodeType", "MISSING_FROM_CARE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Report a missing child - Pathways</title>")))
                .andExpect(content()
                        .string(containsString("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#missingSince-time\">Enter the time the child was last seen, like 9:30pm or 21:30</a>")))
                .andExpect(content().string(containsString("<a href=\"#policeRisk\">Select the police risk</a>")))
                // the validator's own rule: a child missing from care is looked after, so the placing authority is
                // needed
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#placingAuthority\">Enter the placing authority of a looked-after child</a>")))
                // each field carries its message, and what was typed is kept
                .andExpect(content().string(containsString("id=\"missingSince-error\"")))
                .andExpect(content().string(containsString("id=\"policeRisk-error\"")))
                .andExpect(content().string(containsString("value=\"NP/26/0412\"")));
        assertThat(episodeCount()).isEqualTo(before);
    }

    @Test
    void aLastSeenTimeInTheFutureOrNotARealDateIsRefusedAtTheField() throws Exception {
        ZonedDateTime tomorrow = Now.instant().atZone(Now.UK).plusDays(1);
        mvc.perform(report(
                        Pathway.child(13),
                        "seen.day",
                        String.valueOf(tomorrow.getDayOfMonth()),
                        "seen.month",
                        String.valueOf(tomorrow.getMonthValue()),
                        "seen.year",
                        String.valueOf(tomorrow.getYear())))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#missingSince-day\">The time the child was last seen must not be in the future</a>")));
        mvc.perform(report(Pathway.child(13), "seen.day", "31", "seen.month", "2"))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#missingSince-day\">The date the child was last seen must be a real date</a>")));
        mvc.perform(report(Pathway.child(13), "seen.time", "25:10"))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#missingSince-time\">The time the child was last seen must be a time of day, like 9:30pm or 21:30</a>")));
    }

    @Test
    void theCaseReferenceOrTheChildNotBoth() throws Exception {
        ChildDetails child = Pathway.child(14);
        MissingReportAccepted first = walk.report(child, Now.instant().minus(Duration.ofHours(3)), "LOW");
        mvc.perform(report(child, "caseId", first.caseId()))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#caseId\">Give the case reference or the child&#39;s details, not both</a>")));
        mvc.perform(report(
                        child,
                        "caseId",
                        "CASE-1999-999999",
                        "child.firstName",
                        "",
                        "child.lastName",
                        "",
                        "dob.day",
                        "",
                        "dob.month",
                        "",
                        "dob.year",
                        "",
                        "child.gender",
                        "",
                        "child.ethnicity",
                        "",
                        "child.district",
                        "",
                        "child.lookedAfter",
                        ""))
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#caseId\">There is no case with the reference CASE-1999-999999</a>")));
    }

    @Test
    void aGoodReportGivesTheReferenceAndRecordsItAsThePractitioner() throws Exception {
        ChildDetails child = Pathway.child(13);
        MvcResult sent = mvc.perform(report(child))
                .andExpect(redirectedUrl("/missing-episodes/confirmation"))
                .andReturn();
        String reference = (String) sent.getFlashMap().get("reference");
        String caseId = (String) sent.getFlashMap().get("caseId");
        assertThat(reference).matches("MIS-\\d{4}-\\d{6}");

        mvc.perform(get("/missing-episodes/confirmation").session(session).flashAttrs(sent.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<h1 class=\"govuk-panel__title\">Missing child reported</h1>")))
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("href=\"/missing-episodes/" + reference + "/return\"")))
                .andExpect(content().string(containsString("href=\"/cases/" + caseId + "\"")));

        MissingEpisode episode = walk.episode(reference);
        assertThat(episode.source()).isEqualTo("WEB");
        assertThat(episode.reportedBy()).isEqualTo("police-worker");
        assertThat(episode.policeRisk()).isEqualTo("MEDIUM");
        assertThat(episode.policeReference()).isEqualTo("NP/26/0412");
        // 8:15pm UK time yesterday, as typed in the boxes
        assertThat(episode.missingSince()).isEqualTo(yesterdayAt(20, 15));
        assertThat(episode.status()).isEqualTo(MissingEpisode.MISSING);
    }

    @Test
    void theCasePageListsTheEpisodeWithALinkToRecordTheReturn() throws Exception {
        MissingReportAccepted accepted = walk.report(Pathway.child(15), yesterdayAt(20, 15), "HIGH");
        String page = mvc.perform(get("/cases/" + accepted.caseId()).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String row = page.substring(page.indexOf("data-reference=\"" + accepted.reference() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        ZonedDateTime seen = yesterdayAt(20, 15).atZone(Now.UK);
        assertThat(row)
                .contains(
                        seen.getDayOfMonth() + " ",
                        " at 8:15pm",
                        "Not yet",
                        ">High<",
                        ">Missing</strong>",
                        "href=\"/missing-episodes/" + accepted.reference() + "/return\"");
        assertThat(row).doesNotContain("T19:15", "T20:15");
        // another episode of the same child: the report form starts with the child's case
        assertThat(page).contains("href=\"/missing-episodes/new?caseId=" + accepted.caseId() + "\"");
        mvc.perform(get("/missing-episodes/new")
                        .param("caseId", accepted.caseId())
                        .session(session))
                .andExpect(content().string(containsString("value=\"" + accepted.caseId() + "\"")));
    }

    @Test
    void theReturnIsRecordedAndTheInterviewClockStarts() throws Exception {
        MissingReportAccepted accepted = walk.report(Pathway.child(13), yesterdayAt(20, 15), "MEDIUM");
        mvc.perform(get("/missing-episodes/" + accepted.reference() + "/return").session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<h1 class=\"govuk-heading-l\">Record the child's return</h1>")))
                .andExpect(content().string(containsString("id=\"returnedAt-day\"")));

        ZonedDateTime back = Now.instant().atZone(Now.UK).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(returned(accepted.reference(), back))
                .andExpect(redirectedUrl("/missing-episodes/" + accepted.reference() + "/returned"));
        MissingEpisode episode = walk.episode(accepted.reference());
        assertThat(episode.status()).isEqualTo(MissingEpisode.RETURNED);
        assertThat(episode.returnedAt()).isEqualTo(back.toInstant());
        assertThat(episode.rhiDueAt()).isNotNull();

        mvc.perform(get("/missing-episodes/" + accepted.reference() + "/returned")
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-panel__title\">Return recorded</h1>")))
                .andExpect(content().string(containsString("The return home interview must be offered by")));

        // a second return is not recorded: the page says the return was already recorded
        mvc.perform(returned(accepted.reference(), back.plusMinutes(30)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The return was already recorded")))
                .andExpect(content().string(not(containsString("There is a problem"))));
        assertThat(walk.episode(accepted.reference()).returnedAt()).isEqualTo(back.toInstant());
        mvc.perform(get("/missing-episodes/" + accepted.reference() + "/return").session(session))
                .andExpect(content().string(containsString("The return was already recorded")))
                .andExpect(content().string(not(containsString("Record the return</button>"))));
    }

    @Test
    void aReturnBeforeTheChildWasLastSeenIsRefusedAtTheField() throws Exception {
        MissingReportAccepted accepted = walk.report(Pathway.child(13), yesterdayAt(20, 15), "MEDIUM");
        ZonedDateTime early = yesterdayAt(20, 15).atZone(Now.UK).minusHours(2);
        mvc.perform(returned(accepted.reference(), early))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<title>Error: Record the child&#39;s return - Pathways</title>")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#returnedAt-day\">The time the child returned must not be before the time they were last seen (")))
                .andExpect(content().string(containsString("at 8:15pm)")))
                .andExpect(content().string(containsString("id=\"returnedAt-error\"")))
                .andExpect(content().string(containsString("govuk-form-group govuk-form-group--error")));
        assertThat(walk.episode(accepted.reference()).status()).isEqualTo(MissingEpisode.MISSING);

        mvc.perform(post("/missing-episodes/" + accepted.reference() + "/return")
                        .session(session)
                        .with(csrf())
                        .param("returned.day", "")
                        .param("returned.month", "")
                        .param("returned.year", "")
                        .param("returned.time", ""))
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#returnedAt-day\">Enter the date and time the child returned</a>")));
    }

    @Test
    void anUnknownEpisodeIsAPageNotFound() throws Exception {
        mvc.perform(get("/missing-episodes/MIS-1999-999999/return").session(session))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
        mvc.perform(post("/missing-episodes/MIS-1999-999999/return")
                        .session(session)
                        .with(csrf())
                        .param("returned.day", "1")
                        .param("returned.month", "1")
                        .param("returned.year", "2026")
                        .param("returned.time", "10:00"))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAgencyNotInvolvedCannotRecordTheReturn() throws Exception {
        MissingReportAccepted accepted = walk.report(Pathway.child(13), yesterdayAt(20, 15), "MEDIUM");
        MockHttpSession education = Pages.signIn(mvc, "education-worker");
        mvc.perform(get("/missing-episodes/" + accepted.reference() + "/return").session(education))
                .andExpect(status().isForbidden());
        mvc.perform(returned(accepted.reference(), Now.instant().atZone(Now.UK).minusMinutes(5))
                        .session(education))
                .andExpect(status().isForbidden());
        assertThat(walk.episode(accepted.reference()).status()).isEqualTo(MissingEpisode.MISSING);
    }

    private static Instant yesterdayAt(int hour, int minute) {
        return Now.today().minusDays(1).atTime(hour, minute).atZone(Now.UK).toInstant();
    }

    private MockHttpServletRequestBuilder returned(String reference, ZonedDateTime at) {
        return post("/missing-episodes/" + reference + "/return")
                .session(session)
                .with(csrf())
                .param("returned.day", String.valueOf(at.getDayOfMonth()))
                .param("returned.month", String.valueOf(at.getMonthValue()))
                .param("returned.year", String.valueOf(at.getYear()))
                .param("returned.time", "%d:%02d".formatted(at.getHour(), at.getMinute()));
    }

    private static Map<String, String> good(ChildDetails child) {
        ZonedDateTime seen = yesterdayAt(20, 15).atZone(Now.UK);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("child.firstName", child.firstName());
        fields.put("child.lastName", child.lastName());
        fields.put("dob.day", String.valueOf(child.dateOfBirth().getDayOfMonth()));
        fields.put("dob.month", String.valueOf(child.dateOfBirth().getMonthValue()));
        fields.put("dob.year", String.valueOf(child.dateOfBirth().getYear()));
        fields.put("child.lookedAfter", "no");
        fields.put("seen.day", String.valueOf(seen.getDayOfMonth()));
        fields.put("seen.month", String.valueOf(seen.getMonthValue()));
        fields.put("seen.year", String.valueOf(seen.getYear()));
        fields.put("seen.time", "8:15pm");
        fields.put("policeReference", "NP/26/0412");
        fields.put("policeRisk", "MEDIUM");
        fields.put("episodeType", "MISSING_FROM_HOME");
        fields.put("outOfArea", "no");
        return fields;
    }

    /** A report sent from the form: a good one, with the fields named in {@code changes} (name, value, ...) changed. */
    private MockHttpServletRequestBuilder report(ChildDetails child, String... changes) {
        Map<String, String> fields = good(child);
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/missing-episodes/new").session(session).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private int episodeCount() {
        return jdbc.queryForObject("select count(*) from pw_missing_episode", Integer.class);
    }
}
