package uk.pathways.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.web.Browser;

/**
 * A case walked through four months of RISE support (three outcome wheels, outreach contacts with onward referrals, a
 * safety plan reviewed once), then read in a real browser (headless Chromium) as the support worker: the outcome
 * wheel's trend is drawn as a chart beside its table, the plan's versions and the referrals' statuses are shown, and
 * the section passes axe-core. Its screenshot is {@code target/screenshots/.../case-support-trend.png} (copied to
 * docs/screenshots for docs/practitioners.md). Skipped only where Debian's chromium is not installed.
 */
@Tag("browser")
@Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-support-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class SupportTrendBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Pathway pathway;

    Browser browser;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        browser = new Browser(
                "http://localhost:" + port, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeBrowser() throws Exception {
        ClockUtil.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOutcomeWheelTrendIsDrawnOnAWalkedCasesPage() throws Exception {
        String caseId = walkedCase();
        ClockUtil.reset();

        browser.go("/cases/" + caseId).signIn("rise-worker");
        browser.go("/cases/" + caseId);
        WebElement support = browser.find(By.id("rise-support"));
        WebElement chart = browser.find(By.cssSelector("#outcome-wheel-chart svg"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(browser.all(By.cssSelector("#outcome-wheel-chart polyline"))).hasSize(6);
        assertThat(browser.text(By.id("wheel-chart-desc"))).contains("Feeling and being safe 3, then 5, then 8");
        assertThat(browser.text(By.id("outcome-wheel-trend"))).contains("Up 5");
        assertThat(browser.text(By.id("safety-plan-versions")))
                .contains("Version 2")
                .contains("Current");
        assertThat(browser.text(By.id("onward-referral-status")))
                .contains("CAMHS")
                .contains("Outcome recorded")
                .contains("Sexual health service")
                .contains("Waiting");
        browser.accessible("the case page's RISE support");

        Path shot = Path.of("target", "screenshots", "case-support-trend.png");
        Files.createDirectories(shot.getParent());
        // tall enough for the whole section, which Chromium crops to the window
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3000));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView(true);", support);
        Files.copy(support.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /** Support from October 2026 to January 2027 with synthetic scores that improve, through the completion gate. */
    private String walkedCase() {
        at(2026, 10, 5, 9, 0);
        ReferralAccepted referral = pathway.refer(14, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("meetingAt", "2026-10-05T15:00", "meetingPlace", "Synthetic office"));
        at(2026, 10, 5, 16, 0);
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted", true,
                        "section47", false,
                        "policeInvestigation", false,
                        "meetingMinutes", "Synthetic minutes"));
        pathway.complete(caseId, "allocate-support-worker", "rise-manager", Map.of("supportWorker", "rise-worker"));
        at(2026, 10, 7, 10, 0);
        pathway.complete(caseId, "safety-plan", "rise-worker", plan("first", "2026-11-18"));
        pathway.complete(caseId, "outcome-wheel", "rise-worker", wheel(3, 4, 5, 4, 2, 3));
        at(2026, 10, 9, 17, 0);
        Map<String, Object> first = contact(at(2026, 10, 9, 16, 0));
        first.put("onwardReferrals", List.of("CAMHS", "SEXUAL_HEALTH"));
        first.put("topicsCovered", List.of("WHAT_IS_CSE", "ONLINE_SAFETY"));
        pathway.complete(caseId, "outreach-contact", "rise-worker", first);
        at(2026, 10, 20, 12, 0);
        Map<String, Object> second = contact(at(2026, 10, 20, 11, 0));
        second.put("onwardReferralsAccepted", List.of("CAMHS"));
        second.put("onwardReferralsWaiting", List.of("SEXUAL_HEALTH"));
        second.put("topicsCovered", List.of("HEALTHY_RELATIONSHIPS", "ONLINE_SAFETY"));
        pathway.complete(caseId, "outreach-contact", "rise-worker", second);
        at(2026, 11, 18, 9, 30);
        pathway.fireDueClocks(referral.processInstanceId());
        pathway.complete(caseId, "outcome-wheel", "rise-worker", wheel(5, 5, 6, 5, 4, 5));
        pathway.complete(caseId, "safety-plan", "rise-worker", plan("revised", "2027-01-27"));
        at(2026, 12, 2, 15, 0);
        Map<String, Object> third = contact(at(2026, 12, 2, 14, 0));
        third.put("onwardReferralsOutcome", List.of("CAMHS"));
        third.put("topicsCovered", List.of("CONSENT_SEX_AND_THE_LAW", "POSITIVE_CHOICES"));
        pathway.complete(caseId, "outreach-contact", "rise-worker", third);
        at(2027, 1, 13, 10, 0);
        pathway.complete(caseId, "outcome-wheel", "rise-worker", wheel(8, 7, 7, 6, 6, 7));
        return caseId;
    }

    private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        ZonedDateTime time = LocalDate.of(year, month, day).atTime(hour, minute).atZone(Now.UK);
        Pathway.at(time);
        return time;
    }

    private static Map<String, Object> contact(ZonedDateTime at) {
        Map<String, Object> form = new HashMap<>();
        form.put("contactAt", at.toInstant().toString());
        form.put("contactLocation", "Synthetic youth club");
        form.put("contactOutcome", "SUCCESSFUL");
        form.put("proposeClosure", false);
        return form;
    }

    private static Map<String, Object> plan(String version, String reviewDate) {
        return Map.of(
                "safetyPlanRisks", "Synthetic " + version + " risks",
                "safetyPlanActions", "Synthetic " + version + " actions",
                "reviewDate", reviewDate);
    }

    private static Map<String, Object> wheel(int... scores) {
        List<String> areas = SupportSummary.AREAS;
        Map<String, Object> form = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            form.put(areas.get(i), scores[i]);
        }
        return form;
    }
}
