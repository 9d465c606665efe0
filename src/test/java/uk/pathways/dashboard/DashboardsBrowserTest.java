package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.web.Browser;

/**
 * The dashboards with data in a real browser (headless Chromium), checked with axe-core: a police manager's
 * dashboards and the board's quarterly report. Skipped only where Debian's chromium is not installed.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-dashboards-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
@org.junit.jupiter.api.Tag("browser")
class DashboardsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    History history;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagerReadsTheDashboardsAndTheBoardItsQuarterlyReport() throws Exception {
        history.build();
        history.now();
        try (Browser browser = new Browser("http://localhost:" + port, "dashboards")) {
            browser.go("/dashboards?from=2027-03-01&to=2027-04-30&district=" + History.DISTRICT);
            browser.signIn("police-manager");
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Dashboards");
            assertThat(browser.text(By.id("headline-screeningWithinOneWorkingDayPercent")))
                    .isEqualTo("66.7%");
            assertThat(browser.text(By.cssSelector("#chart-riskLevelsAtScreening tbody")))
                    .contains("High")
                    .contains("Medium");
            browser.screenshot("dashboards").accessible("dashboards");

            browser.go("/dashboards?from=2027-05-01&to=2027-04-30");
            assertThat(browser.text(By.cssSelector(".govuk-error-summary"))).contains("before its end");
            browser.screenshot("dashboards-error").accessible("dashboards with an error");
        }
        try (Browser browser = new Browser("http://localhost:" + port, "quarterly-report")) {
            browser.go("/reports/quarterly?year=2027&quarter=2");
            browser.signIn("performance-reader");
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Quarterly joint report: 2027, quarter 2");
            assertThat(browser.text(By.id("suppression-note"))).contains("fewer than 5");
            browser.screenshot("quarterly").accessible("quarterly report");
        }
    }
}
