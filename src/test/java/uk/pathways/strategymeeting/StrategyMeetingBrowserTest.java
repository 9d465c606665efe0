package uk.pathways.strategymeeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.web.Browser;
import uk.pathways.web.Display;

/**
 * A strategy meeting in a real browser (headless Chromium), on the Pathways task pages: the chair invites the police,
 * education and children's services, and two named others (housing and the host authority); records attendance, the
 * young person's voice and two actions (the police's in a week, education's in a fortnight); each owner finds its
 * action in its inbox with the right due date and the action beside its form; the case page shows the invitees,
 * attendance and the actions with their state. Every page is checked with axe-core (WCAG 2.0 to 2.2, A and AA).
 * Screenshots under {@code target/screenshots/}. Skipped only where Debian's chromium is not installed.
 */
@Tag("browser")
@Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-meeting-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class StrategyMeetingBrowserTest {

    private static final By COMPLETE = By.xpath("//main//form//button[normalize-space(.)='Complete the task']");
    private static final By BRIEFING = By.xpath("//h2[@id='briefing-heading']/..");
    private static final String ACTION_TASK = "Do the action agreed at the strategy meeting";

    @LocalServerPort
    int port;

    @Autowired
    Pathway pathway;

    @Autowired
    Display display;

    Browser browser;
    String user;
    String reference;

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
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theChairInvitesHousingAndTheHostAuthorityAndEachOwnerSeesItsActionDueOnItsDate() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        reference = referral.reference();
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));

        // the chair schedules it: the usual agencies come ticked; health is not needed this time; two others by e-mail
        signInAs("childrens-services-worker");
        open("Schedule the strategy meeting");
        LocalDate tomorrow = Now.today().plusDays(1);
        date("meetingAt", tomorrow, "10:00");
        browser.type("meetingPlace", "Synthetic place: Room 2, Civic Centre")
                .click(By.cssSelector("label[for=invitedAgencies-4]")) // health, ticked by default
                .type("external1Name", "Robin Hartley")
                .type("external1Email", "robin.hartley@housing.example")
                .type("external2Name", "Kit Morrow")
                .type("external2Email", "kit.morrow@host.example");
        new Select(browser.find(By.id("external1Organisation"))).selectByValue("HOUSING");
        new Select(browser.find(By.id("external2Organisation"))).selectByValue("HOST_AUTHORITY");
        browser.screenshot("meeting-schedule-invitations").conforms("the schedule with invitations");
        complete("Schedule the strategy meeting");

        // the outcome: attendance, apologies, the voices, two actions
        open("Record the strategy meeting outcome");
        ZonedDateTime policeDue = Now.today().plusDays(7).atTime(17, 0).atZone(Now.UK);
        ZonedDateTime educationDue = Now.today().plusDays(14).atTime(12, 30).atZone(Now.UK);
        browser.click(By.cssSelector("label[for=riseAccepted]"))
                .click(By.cssSelector("label[for=attendedAgencies-2]")) // children's services
                .click(By.cssSelector("label[for=attendedAgencies-3]")) // police
                .click(By.cssSelector("label[for=apologies-5]")) // education
                .click(By.cssSelector("label[for=external1Attended]"))
                .click(By.cssSelector("label[for=external2Attended]"))
                .type("youngPersonVoice", "Synthetic voice: wants the car to stop coming to school.")
                .type("familyVoice", "Synthetic voice: mum asks for help at weekends.")
                .type("meetingMinutes", "Synthetic minutes: RISE to support; police and school actions agreed.")
                .type("action1Description", "Disrupt the vehicle seen at the school gates")
                .type("action2Description", "Put a safe adult in place at school");
        new Select(browser.find(By.id("action1Owner"))).selectByValue("police");
        new Select(browser.find(By.id("action2Owner"))).selectByValue("education");
        date("action1Due", policeDue.toLocalDate(), "17:00");
        date("action2Due", educationDue.toLocalDate(), "12:30");
        browser.screenshot("meeting-outcome-actions").conforms("the outcome with actions");
        complete("Record the strategy meeting outcome");

        // each owner finds its action in its inbox, due on the action's date, the action beside its form
        ownerSees("police-worker", "Disrupt the vehicle seen at the school gates", policeDue.toInstant());
        browser.screenshot("meeting-action-police");
        browser.type("actionDone", "Synthetic: vehicle stopped, driver given a warning notice.");
        complete(ACTION_TASK);
        ownerSees("education-worker", "Put a safe adult in place at school", educationDue.toInstant());

        // the case page: invitees, attendance and the actions with their state
        browser.go("/cases/" + caseId);
        WebElement meeting = browser.find(By.cssSelector(".pw-meeting"));
        String shown = meeting.getText();
        assertThat(browser.text(By.cssSelector(".pw-invited")))
                .contains("Police", "Education", "Children's services")
                .doesNotContain("Health");
        assertThat(browser.text(By.cssSelector(".pw-externals")))
                .contains("Robin Hartley, Housing", "Kit Morrow, Host authority", "attended");
        assertThat(browser.text(By.cssSelector(".pw-attended"))).contains("Police", "Children's services");
        assertThat(browser.text(By.cssSelector(".pw-apologies"))).isEqualTo("Education");
        List<WebElement> actions = browser.all(By.cssSelector("tr.pw-action"));
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).getText())
                .contains("Police", "Disrupt the vehicle seen at the school gates", "Done")
                .contains(display.dateTime(policeDue.toInstant()));
        assertThat(actions.get(1).getText())
                .contains("Education", "Put a safe adult in place at school", "Open")
                .contains(display.dateTime(educationDue.toInstant()));
        assertThat(shown).contains("Actions agreed");
        assertThat(browser.text(By.cssSelector("main")))
                .contains("Synthetic voice: wants the car to stop coming to school.");
        browser.screenshot("case-meeting-actions").accessible("the case with the meeting and its actions");
    }

    // ---- helpers (as TaskPagesBrowserTest's) ----

    private void ownerSees(String owner, String action, Instant due) {
        signInAs(owner);
        WebElement row = row(ACTION_TASK);
        assertThat(row.getText()).as("%s's inbox row of its action", owner).contains(display.dateTime(due));
        open(ACTION_TASK);
        assertThat(browser.text(By.cssSelector("main"))).contains("Due " + display.dateTime(due) + ".");
        assertThat(browser.text(BRIEFING))
                .as("the action as the meeting agreed it, beside the form")
                .contains("Action agreed at the strategy meeting")
                .contains(action);
    }

    private void date(String field, LocalDate day, String time) {
        browser.type(field + "-day", String.valueOf(day.getDayOfMonth()))
                .type(field + "-month", String.valueOf(day.getMonthValue()))
                .type(field + "-year", String.valueOf(day.getYear()))
                .type(field + "-time", time);
    }

    private void signInAs(String who) {
        if (who.equals(user)) {
            browser.go("/tasks");
        } else {
            if (!browser.all(By.cssSelector(".pw-header__signout")).isEmpty()) {
                loads(() -> browser.click(By.cssSelector(".pw-header__signout")));
            }
            browser.go("/tasks").signIn(who);
            user = who;
        }
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Tasks");
    }

    private WebElement row(String name) {
        return browser.find(By.xpath(
                "//tr[@data-task-id][.//a[normalize-space(.)=\"" + name + "\"]][contains(., '" + reference + "')]"));
    }

    private void open(String name) {
        if (!browser.path().startsWith("/tasks") || browser.path().startsWith("/tasks/")) {
            browser.go("/tasks");
        }
        loads(() -> row(name)
                .findElement(By.xpath(".//a[normalize-space(.)=\"" + name + "\"]"))
                .click());
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo(name);
        browser.conforms("the task page \"" + name + "\" as " + user);
    }

    private void loads(Runnable action) {
        WebElement old = browser.find(By.tagName("html"));
        action.run();
        browser.until(ExpectedConditions.stalenessOf(old));
        browser.find(By.cssSelector("footer"));
    }

    private void complete(String name) {
        loads(() -> browser.click(COMPLETE));
        assertThat(browser.all(By.cssSelector(".govuk-error-summary")))
                .as("problems completing %s", name)
                .extracting(WebElement::getText)
                .isEmpty();
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner--success")))
                .contains("\"" + name + "\" is done. What you recorded is on the case.");
    }
}
