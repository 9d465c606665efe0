package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.missing.MissingWalk;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The practitioners' web experience in a real browser (headless Chromium): a referrer makes a referral,
 * MASH screens it in the Tasklist, a manager sees an escalation on the case page, the police report a
 * missing child and record the return. Every Pathways page on
 * the way is checked with axe-core, and every step is kept under {@code target/screenshots/}.
 * Skipped only where Debian's chromium is not installed (CI installs it).
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
@org.junit.jupiter.api.Tag("browser")
class PractitionersBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    MissingWalk missingWalk;

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
    void aReferrerCorrectsAMistakeAndGetsTheReference() {
        ChildDetails child = Pathway.child(13);
        browser.go("/referrals/new").screenshot("sign-in").accessible("sign in");
        browser.signIn("education-worker");
        assertThat(browser.path()).startsWith("/referrals/new");
        browser.screenshot("referral-form").accessible("make a referral");

        // one mistake: no last name
        browser.type("child-firstName", child.firstName())
                .type(
                        "child-dateOfBirth-day",
                        String.valueOf(child.dateOfBirth().getDayOfMonth()))
                .type(
                        "child-dateOfBirth-month",
                        String.valueOf(child.dateOfBirth().getMonthValue()))
                .type(
                        "child-dateOfBirth-year",
                        String.valueOf(child.dateOfBirth().getYear()))
                .click(By.id("child-lookedAfter-no"))
                .type("concerns", "Synthetic concern: seen getting into cars with unknown adults after school.")
                .click(By.cssSelector("label[for=indicators-5]"))
                .click(By.cssSelector("main form button[type=submit]"));

        WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
        List<WebElement> problems = summary.findElements(By.cssSelector(".govuk-error-summary__list a"));
        assertThat(problems).extracting(WebElement::getText).containsExactly("Enter the child's last name");
        assertThat(browser.all(By.cssSelector(".govuk-form-group--error #child-lastName")))
                .hasSize(1);
        assertThat(browser.text(By.id("child-lastName-error"))).contains("Enter the child's last name");
        assertThat(browser.find(By.id("child-firstName")).getAttribute("value")).isEqualTo(child.firstName());
        browser.screenshot("referral-error").accessible("make a referral, with an error");

        // the summary's link takes the practitioner to the field
        problems.get(0).click();
        assertThat(browser.activeElementId()).isEqualTo("child-lastName");
        browser.type("child-lastName", child.lastName()).click(By.cssSelector("main form button[type=submit]"));

        String reference = browser.text(By.id("reference"));
        assertThat(browser.text(By.cssSelector(".govuk-panel__title"))).isEqualTo("Referral sent");
        assertThat(reference).matches("REF-\\d{4}-\\d{6}");
        browser.screenshot("referral-sent").accessible("referral sent");

        browser.click(By.id("case-link"));
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo(child.firstName() + " " + child.lastName());
        assertThat(browser.text(By.id("open-tasks"))).contains("Screen the referral");
        browser.screenshot("case").accessible("the case");

        browser.go("/cases").accessible("find a case");
        browser.type("q", reference).click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("results-heading"))).isEqualTo("1 case found");
        browser.screenshot("found").accessible("find a case, results");

        browser.go("/").screenshot("home").accessible("home");
        assertThat(browser.all(By.cssSelector(".govuk-service-navigation__link")))
                .extracting(WebElement::getText)
                .contains("Make a referral", "Find a case", "Tasklist");
    }

    @Test
    void mashScreensTheReferralInTheTasklistAndTheCaseShowsTheDecision() {
        ChildDetails child = Pathway.child(14);
        ReferralAccepted referral = pathway.refer(child, List.of("OLDER_PARTNER"));
        Task screening = pathway.task(referral.caseId(), "screening");

        browser.go("/camunda/app/tasklist/default/");
        browser.find(By.cssSelector("input[ng-model=username]")).sendKeys("mash-worker");
        browser.find(By.cssSelector("input[ng-model=password]")).sendKeys(Pages.PASSWORD);
        browser.click(By.cssSelector("button[type=submit]"));

        // Pathways' name, not the vendor's banner
        assertThat(browser.text(By.cssSelector(".navbar-brand .brand-name"))).isEqualTo("Pathways Tasklist");
        browser.click(
                By.xpath(
                        "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.), \"My agency's tasks (Multi-Agency Safeguarding Hub)\")]"));
        WebElement item = browser.find(By.xpath(
                "//li[contains(@class,'task') and .//span[contains(@class,'variable-value') and normalize-space(.)='"
                        + referral.reference() + "']]"));
        assertThat(item.getText()).contains("Screen the referral", child.displayName());
        // the vendor's "time to migrate" banner is rendered by the Tasklist and hidden by our user-styles.css
        List<WebElement> vendorBanner = browser.all(By.cssSelector(".ce-eol-banner"));
        assertThat(vendorBanner).hasSize(1);
        assertThat(vendorBanner.get(0).isDisplayed()).isFalse();
        browser.screenshot("tasklist-agency-filter");

        item.findElement(By.cssSelector("h4 a")).click();
        WebElement caseLink = browser.find(
                By.xpath("//div[contains(@class,'fjs-form-field-text')]//a[normalize-space(.)='Open the case']"));
        assertThat(caseLink.getAttribute("href")).endsWith("/cases/" + referral.caseId());
        browser.find(By.xpath(
                "//*[contains(@class,'fjs-form-field-text')]//h4[normalize-space(.)='" + child.displayName() + "']"));
        browser.click(By.cssSelector("button.claim"));
        browser.until(d -> taskService
                        .createTaskQuery()
                        .taskId(screening.getId())
                        .taskAssignee("mash-worker")
                        .count()
                == 1);
        browser.click(By.xpath("//label[contains(., 'unexplained money')]/input"));
        browser.click(By.xpath("//label[contains(., 'has disclosed sexual exploitation')]/input"));
        browser.click(By.xpath("//label[contains(., 'Sexual exploitation')]/input"));
        assertThat(browser.find(By.xpath("//label[contains(., 'unexplained money')]/input"))
                        .isSelected())
                .isTrue();
        assertThat(browser.find(By.xpath("//label[contains(., 'has disclosed sexual exploitation')]/input"))
                        .isSelected())
                .isTrue();
        browser.screenshot("tasklist-screening-form");
        browser.click(By.xpath("//button[contains(@class,'btn-primary') and normalize-space(.)='Complete']"));
        browser.until(
                d -> taskService.createTaskQuery().taskId(screening.getId()).count() == 0);
        browser.screenshot("tasklist-completed");

        // the form's link to the case: one sign-in, the pages know the Tasklist's user and show the decision
        browser.go("/cases/" + referral.caseId());
        assertThat(browser.path()).isEqualTo("/cases/" + referral.caseId());
        assertThat(browser.text(By.id("risk-level"))).isEqualTo("High");
        assertThat(browser.text(By.id("pathway"))).isEqualTo("Urgent strategy meeting");
        assertThat(browser.text(By.id("decision")))
                .contains("Has unexplained money", "In a relationship with a significantly older person");
        WebElement newestDecision = browser.find(By.cssSelector("#chronology tr[data-event=THRESHOLD_DECIDED]"));
        assertThat(newestDecision.getText())
                .contains(
                        "Threshold decision: risk high, pathway urgent strategy meeting",
                        "Multi-Agency Safeguarding Hub Worker");
        browser.screenshot("case-after-screening").accessible("the case after screening");
    }

    @Test
    void aManagerSeesTheEscalatedTaskFlaggedOnTheCase() {
        ReferralAccepted referral = pathway.refer(Pathway.child(15), List.of());
        Date due = pathway.task(referral.caseId(), "screening").getDueDate();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        List<Job> clocks = pathway.clocks(referral.processInstanceId()).stream()
                .filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime()))
                .toList();
        assertThat(clocks).hasSize(1);
        managementService.executeJob(clocks.get(0).getId());

        browser.go("/cases/" + referral.caseId()).signIn("mash-manager");
        WebElement row = browser.find(By.cssSelector("#open-tasks tr[data-task-key=screening]"));
        assertThat(row.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Escalated");
        assertThat(row.getText()).contains("Multi-Agency Safeguarding Hub managers");
        assertThat(browser.text(By.id("chronology"))).contains("is overdue");
        browser.screenshot("case-escalated").accessible("the case with an escalated task");

        browser.go("/cases/CASE-1999-999999");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Page not found");
        browser.screenshot("not-found").accessible("page not found");

        // an agency not involved in the case is told so, and nothing of the case shows
        browser.click(By.cssSelector(".pw-header__signout"));
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner"))).contains("You have signed out.");
        browser.screenshot("signed-out").accessible("signed out");
        browser.go("/cases/" + referral.caseId()).signIn("police-worker");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("You cannot see this case");
        assertThat(browser.driver().getPageSource()).doesNotContain(referral.reference());
        browser.screenshot("forbidden").accessible("you cannot see this case");
    }

    @Test
    void thePoliceReportAMissingChildCorrectAMistakeAndRecordTheReturn() {
        java.util.Set<String> running = missingWalk.running();
        try {
            reportAndReturn();
        } finally {
            missingWalk.deleteStartedSince(running);
        }
    }

    private void reportAndReturn() {
        ChildDetails child = Pathway.child(14);
        var seen = Now.today().minusDays(1);
        browser.go("/missing-episodes/new").signIn("police-worker");
        assertThat(browser.path()).startsWith("/missing-episodes/new");
        browser.screenshot("missing-form").accessible("report a missing child");

        // one mistake: no police risk
        browser.type("child-firstName", child.firstName())
                .type("child-lastName", child.lastName())
                .type(
                        "child-dateOfBirth-day",
                        String.valueOf(child.dateOfBirth().getDayOfMonth()))
                .type(
                        "child-dateOfBirth-month",
                        String.valueOf(child.dateOfBirth().getMonthValue()))
                .type(
                        "child-dateOfBirth-year",
                        String.valueOf(child.dateOfBirth().getYear()))
                .click(By.id("child-lookedAfter-no"))
                .type("missingSince-day", String.valueOf(seen.getDayOfMonth()))
                .type("missingSince-month", String.valueOf(seen.getMonthValue()))
                .type("missingSince-year", String.valueOf(seen.getYear()))
                .type("missingSince-time", "9:30pm")
                .type("policeReference", "NP/26/0412")
                .click(By.cssSelector("label[for=episodeType]"))
                .click(By.id("outOfArea-no"))
                .click(By.cssSelector("main form button[type=submit]"));

        WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
        List<WebElement> problems = summary.findElements(By.cssSelector(".govuk-error-summary__list a"));
        assertThat(problems).extracting(WebElement::getText).containsExactly("Select the police risk");
        assertThat(browser.text(By.id("policeRisk-error"))).contains("Select the police risk");
        assertThat(browser.find(By.id("missingSince-time")).getAttribute("value"))
                .isEqualTo("9:30pm");
        browser.screenshot("missing-error").accessible("report a missing child, with an error");

        problems.get(0).click();
        assertThat(browser.activeElementId()).isEqualTo("policeRisk");
        browser.click(By.cssSelector("label[for=policeRisk-MEDIUM]"))
                .click(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.text(By.cssSelector(".govuk-panel__title"))).isEqualTo("Missing child reported");
        String reference = browser.text(By.id("reference"));
        assertThat(reference).matches("MIS-\\d{4}-\\d{6}");
        browser.screenshot("missing-reported").accessible("missing child reported");

        browser.click(By.id("return-link"));
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Record the child's return");
        assertThat(browser.text(By.id("episode"))).contains("at 9:30pm", "NP/26/0412", "Medium");
        browser.screenshot("return-form").accessible("record the child's return");

        var back = Now.instant().atZone(Now.UK).minusMinutes(30);
        browser.type("returnedAt-day", String.valueOf(back.getDayOfMonth()))
                .type("returnedAt-month", String.valueOf(back.getMonthValue()))
                .type("returnedAt-year", String.valueOf(back.getYear()))
                .type("returnedAt-time", "%d:%02d".formatted(back.getHour(), back.getMinute()))
                .click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".govuk-panel__title"))).isEqualTo("Return recorded");
        assertThat(browser.text(By.id("interview-due"))).contains("The return home interview must be offered by");
        browser.screenshot("return-recorded").accessible("return recorded");

        browser.click(By.id("case-link"));
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo(child.firstName() + " " + child.lastName());
        WebElement row = browser.find(By.cssSelector("#missing-episodes tr[data-reference='" + reference + "']"));
        assertThat(row.getText())
                .contains(reference, "at 9:30pm", "Medium", "Returned")
                .doesNotContain("Record the return");
        browser.screenshot("case-with-episode").accessible("the case with a missing episode");
    }
}
