package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.web.Pages;

/** The dashboard and quarterly report pages over the hand-built {@link History}, as managers and the board see them. */
@PathwaysTest
class DashboardPagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    History history;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Pages.mvc(context);
        history.build();
        history.now();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String page(String user, String path) throws Exception {
        MockHttpSession session = Pages.signIn(mvc, user);
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aManagerSeesEachChartWithItsTableAndExactFigures() throws Exception {
        String html = page("police-manager", "/dashboards?from=2027-03-01&to=2027-04-30&district=" + History.DISTRICT);

        assertThat(html).contains("<h1 class=\"govuk-heading-l\">Dashboards</h1>");
        assertThat(html).contains("id=\"headline-screeningWithinOneWorkingDayPercent\">66.7%</p>");
        assertThat(html).contains("id=\"headline-strategyMeetingsInTimePercent\">50.0%</p>");
        assertThat(html).contains("<table class=\"govuk-table\" id=\"chart-referralsByMonth\">");
        assertThat(html).contains("<table class=\"govuk-table\" id=\"table-referralsByMonth-agency\">");
        assertThat(html).contains("<table class=\"govuk-table\" id=\"table-problemProfileByDistrict\">");
        assertThat(html).contains("<svg aria-hidden=\"true\" focusable=\"false\"");
        assertThat(html).doesNotContain("fewer than 5").doesNotContain("id=\"suppression-note\"");
    }

    @Test
    void theBoardSeesSuppressedFiguresAndTheQuarterlyReportWithItsCsv() throws Exception {
        String dashboards =
                page("performance-reader", "/dashboards?from=2027-03-01&to=2027-04-30&district=" + History.DISTRICT);
        assertThat(dashboards)
                .contains("id=\"suppression-note\"")
                .contains("fewer than 5")
                .contains("id=\"headline-screeningWithinOneWorkingDayPercent\">suppressed</p>");

        String report = page("performance-reader", "/reports/quarterly?year=2027&quarter=2");
        assertThat(report)
                .contains("Quarterly joint report: 2027, quarter 2")
                .contains("1 April 2027")
                .contains("30 June 2027")
                .contains("/reports/quarterly.csv?year=2027&amp;quarter=2");

        MockHttpSession session = Pages.signIn(mvc, "performance-reader");
        String csv = mvc.perform(
                        get("/reports/quarterly.csv?year=2027&quarter=2").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith(QuarterlyReport.HEADER);
    }

    @Test
    void badDatesAreNamedOnThePageAndWorkersAreRefused() throws Exception {
        String html = page("police-manager", "/dashboards?from=2027-02-30&to=2027-04-30");
        assertThat(html).contains("govuk-error-summary").contains("href=\"#from\"");

        MockHttpSession worker = Pages.signIn(mvc, "police-worker");
        mvc.perform(get("/dashboards").session(worker)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/quarterly").session(worker)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboards")).andExpect(status().is3xxRedirection());
    }
}
