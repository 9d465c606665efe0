package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.web.Browser;

/**
 * The problem profile in a real browser (headless Chromium), checked with axe-core: the police read the locations of
 * concern on the map and in its table, the board reads suppressed figures and areas. Skipped only where Debian's
 * chromium is not installed.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-profile-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
@org.junit.jupiter.api.Tag("browser")
class ProfileBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    History history;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void thePoliceReadTheMapAndItsTableAndTheBoardItsAreas() throws Exception {
        history.build();
        String caseId = jdbc.queryForObject("select min(case_id) from pw_case", String.class);
        Timestamp at = Timestamp.from(Instant.parse("2019-03-12T10:00:00Z"));
        jdbc.update("""
                insert into pw_subject (subject_id, kind, label, category, district, latitude, longitude, police_only,
                  concern_level, recorded_by, recorded_agency, recorded_at)
                values ('SUB-990001', 'LOCATION', 'Synthetic Browser Hotel', 'HOTEL', 'Corby', ?, ?, false, 'STANDARD',
                  'police-worker', 'police', ?)""", new BigDecimal("52.489000"), new BigDecimal("-0.690000"), at);
        jdbc.update("""
                insert into pw_subject_link (id, subject_id, case_id, reason, recorded_by, recorded_agency, recorded_at)
                values ('browser-link-1', 'SUB-990001', ?, 'Synthetic: seen here', 'police-worker', 'police', ?)""", caseId, at);

        try (Browser browser = new Browser("http://localhost:" + port, "problem-profile")) {
            browser.go("/reports/problem-profile?to=2019-06");
            browser.signIn("police-worker");
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Problem profile");
            assertThat(browser.text(By.id("table-profile-map")))
                    .contains("Synthetic Browser Hotel")
                    .contains("Hotel")
                    .contains("Corby");
            assertThat(browser.all(By.cssSelector("#profile-map circle"))).hasSize(1);
            browser.screenshot("profile-police").accessible("the problem profile, police");

            browser.go("/reports/problem-profile?to=June");
            assertThat(browser.text(By.cssSelector(".govuk-error-summary"))).contains("YYYY-MM");
            browser.screenshot("profile-error").accessible("the problem profile with an error");
        }
        try (Browser browser = new Browser("http://localhost:" + port, "problem-profile-board")) {
            browser.go("/reports/problem-profile?to=2019-06");
            browser.signIn("performance-reader");
            assertThat(browser.text(By.id("suppression-note"))).contains("fewer than 5");
            assertThat(browser.text(By.id("table-profile-map")))
                    .contains("52.49, -0.69")
                    .doesNotContain("Synthetic");
            browser.screenshot("profile-board").accessible("the problem profile, board");
        }
    }
}
