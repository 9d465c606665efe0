package uk.pathways.tasks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.support.Pathway;
import uk.pathways.web.Browser;

/**
 * The CSE pathway worked end to end in the Pathways task pages in a real browser (headless Chromium), never the
 * Camunda Tasklist: a referral, MASH's screening (a disclosure: high risk, an urgent strategy meeting), the meeting
 * scheduled (once with a mistake), each agency's information shared and read by the chair beside the outcome form,
 * RISE's support (allocation, safety plan, outcome wheel, an outreach contact proposing closure, the closure strategy)
 * and the manager's approval beside the closure plan; then the case page tells what agencies recorded. The inbox
 * (for every user) and every task page opened are checked with axe-core against WCAG 2.0, 2.1 and 2.2 A and AA, and
 * any violation fails. Screenshots are kept under {@code target/screenshots/}. Skipped only where Debian's chromium is
 * not installed.
 */
@Tag("browser")
@Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-task-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class TaskPagesBrowserTest {

    private static final By COMPLETE = By.xpath("//main//form//button[normalize-space(.)='Complete the task']");
    private static final By BRIEFING = By.xpath("//h2[@id='briefing-heading']/..");

    @LocalServerPort
    int port;

    Browser browser;
    String user;
    String reference;
    final Set<String> inboxesChecked = new HashSet<>();

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
    void oneSignInCarriesFromACasePageToTheTasklistAndBack() {
        String caseId = refer(Pathway.child(14)); // signed in once, at the Pathways sign-in page, as the referrer
        browser.go("/cases/" + caseId);
        assertThat(browser.text(By.cssSelector("h1"))).isNotBlank();
        assertThat(browser.path()).isEqualTo("/cases/" + caseId);

        // the Tasklist opens signed in: no second sign-in form, the user's name in its header
        browser.go("/camunda/app/tasklist/default/");
        browser.until(d -> d.getPageSource().contains("Education Worker"));
        assertThat(
                        browser
                                .all(By.cssSelector(
                                        "form[name='signinForm'] input[name='username'], input#inputUsername"))
                                .stream()
                                .filter(WebElement::isDisplayed)
                                .toList())
                .as("the Tasklist's sign-in form")
                .isEmpty();
        browser.screenshot("tasklist-signed-in");

        // and back to the case, still signed in
        browser.go("/cases/" + caseId);
        assertThat(browser.path()).isEqualTo("/cases/" + caseId);
        assertThat(browser.find(By.id("record-heading")).getText()).isEqualTo("What agencies recorded");
    }

    @Test
    void theCsePathwayIsWorkedInTheTaskPagesFromReferralToApprovedClosure() {
        String caseId = refer(Pathway.child(15));

        // MASH: the inbox lists the screening; claimed from the inbox, then screened with a disclosure
        signInAs("mash-worker");
        WebElement row = row("Screen the referral");
        assertThat(row.getText()).contains(reference);
        loads(() -> row.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Claim')]"))
                .click());
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner--success")))
                .contains("You have claimed \"Screen the referral\".");
        assertThat(row("Screen the referral").getText()).contains("You", "Unclaim");
        browser.go("/tasks?show=mine");
        assertThat(row("Screen the referral").getText()).contains(reference);
        browser.screenshot("tasks-inbox").conforms("the inbox, claimed by me, as mash-worker");
        open("Screen the referral");
        assertThat(browser.text(BRIEFING))
                .as("the referral beside the screening form")
                .contains("From the case record", "Referral");
        assertThat(browser.all(By.cssSelector(".govuk-summary-card"))).isNotEmpty();
        browser.click(By.cssSelector("label[for=disclosure]"))
                .click(By.cssSelector("label[for=exploitationType]")) // sexual exploitation
                .type("screeningNotes", "Synthetic screening: the child disclosed to a teacher.");
        complete("Screen the referral");
        browser.conforms("the inbox with a success banner, as mash-worker");

        // children's services schedule the meeting: once with the place left blank, then tomorrow at 10:00
        signInAs("childrens-services-worker");
        open("Schedule the strategy meeting");
        LocalDate tomorrow = Now.today().plusDays(1);
        browser.type("meetingAt-day", String.valueOf(tomorrow.getDayOfMonth()))
                .type("meetingAt-month", String.valueOf(tomorrow.getMonthValue()))
                .type("meetingAt-year", String.valueOf(tomorrow.getYear()))
                .type("meetingAt-time", "10:00");
        loads(() -> browser.click(COMPLETE));
        WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
        List<WebElement> problems = summary.findElements(By.cssSelector(".govuk-error-summary__list a"));
        assertThat(problems)
                .extracting(p -> p.getAttribute("href"))
                .singleElement()
                .asString()
                .endsWith("#meetingPlace");
        assertThat(browser.driver().getTitle()).startsWith("Error: Schedule the strategy meeting");
        assertThat(browser.find(By.id("meetingAt-time")).getAttribute("value")).isEqualTo("10:00");
        browser.screenshot("tasks-schedule-error").conforms("schedule the strategy meeting, with an error");
        problems.get(0).click();
        assertThat(browser.activeElementId()).isEqualTo("meetingPlace");
        browser.type("meetingPlace", "Synthetic place: Room 2, Civic Centre");
        complete("Schedule the strategy meeting");

        // every agency asked shares its information for the meeting
        Map<String, String> shared = new LinkedHashMap<>();
        for (String agency : List.of("police", "health", "education", "childrens-services")) {
            String text = "Synthetic information from " + agency + ": " + agency.length() + " sightings near the park, "
                    + "noted " + System.nanoTime() % 100_000 + ".";
            shared.put(agency, text);
            signInAs(agency + "-worker");
            open("Share information for the strategy meeting");
            assertThat(browser.text(BRIEFING))
                    .as("the meeting's place beside the information form")
                    .contains("Synthetic place: Room 2, Civic Centre");
            browser.type("agencyInformation", text);
            complete("Share information for the strategy meeting");
        }

        // the chair reads every agency's information beside the outcome form, then records it
        open("Record the strategy meeting outcome");
        String pack = browser.text(BRIEFING);
        shared.forEach((agency, text) -> assertThat(pack)
                .as("%s's information in the meeting pack", agency)
                .contains(text));
        browser.screenshot("tasks-meeting-pack");
        browser.click(By.cssSelector("label[for=riseAccepted]"))
                .type("meetingMinutes", "Synthetic minutes: RISE to support; agencies to keep sharing sightings.");
        complete("Record the strategy meeting outcome");

        // RISE: the manager allocates the support worker
        signInAs("rise-manager");
        open("Allocate a RISE support worker");
        new Select(browser.find(By.id("supportWorker"))).selectByValue("rise-worker");
        complete("Allocate a RISE support worker");

        // the support worker's safety plan, outcome wheel, an outreach contact proposing closure, the closure strategy
        signInAs("rise-worker");
        open("Make the safety plan");
        browser.type("safetyPlanRisks", "Synthetic risks: evenings near the park; a new older 'friend'.")
                .type(
                        "safetyPlanActions",
                        "Synthetic actions: phone the support worker; stay with a trusted adult after school.")
                .type("safetyPlanContacts", "Synthetic contacts: aunt, youth club.");
        java.time.LocalDate review = uk.pathways.calendar.Now.today().plusWeeks(6);
        browser.type("reviewDate-day", String.valueOf(review.getDayOfMonth()))
                .type("reviewDate-month", String.valueOf(review.getMonthValue()))
                .type("reviewDate-year", String.valueOf(review.getYear()));
        complete("Make the safety plan");

        open("Complete the outcome wheel");
        String[] wheel = {
            "wheelSafety", "wheelRelationships", "wheelHealth", "wheelEmotional", "wheelEducation", "wheelChoices"
        };
        for (int i = 0; i < wheel.length; i++) {
            browser.type(wheel[i], String.valueOf(i + 3));
        }
        browser.type("wheelNotes", "Synthetic wheel: feels safer at home, school going better.");
        complete("Complete the outcome wheel");

        open("Record an outreach contact");
        ZonedDateTime contact = Now.instant().atZone(Now.UK).minusMinutes(5);
        browser.type("contactAt-day", String.valueOf(contact.getDayOfMonth()))
                .type("contactAt-month", String.valueOf(contact.getMonthValue()))
                .type("contactAt-year", String.valueOf(contact.getYear()))
                .type("contactAt-time", "%d:%02d".formatted(contact.getHour(), contact.getMinute()))
                .type("contactLocation", "Synthetic location: the youth club")
                .click(By.cssSelector("label[for=contactOutcome]"))
                .click(By.cssSelector("label[for=topicsCovered]"))
                .type("contactNotes", "Synthetic notes: engaged well; no new concerns.")
                .click(By.cssSelector("label[for=proposeClosure]"));
        complete("Record an outreach contact");

        open("Agree the closure strategy");
        String closurePlan = "Synthetic closure plan: monthly check-ins by the youth service for three months.";
        new Select(browser.find(By.id("closureReason"))).selectByValue("OUTCOMES_ACHIEVED");
        browser.click(By.cssSelector("label[for=signposting]")).type("closurePlan", closurePlan);
        complete("Agree the closure strategy");

        // the manager approves the closure beside the closure plan
        signInAs("rise-manager");
        open("Approve the closure");
        assertThat(browser.text(BRIEFING))
                .as("the closure plan beside the approval")
                .contains(closurePlan);
        browser.screenshot("tasks-closure-approval");
        browser.click(By.cssSelector("label[for=closureApproved]"))
                .type("approvalComment", "Synthetic comment: agreed, outcomes achieved.");
        complete("Approve the closure");

        // the case page tells what every agency recorded
        signInAs("childrens-services-worker");
        browser.go("/cases/" + caseId);
        assertThat(browser.text(By.id("record-heading"))).isEqualTo("What agencies recorded");
        String page = browser.text(By.cssSelector("main"));
        shared.values().forEach(text -> assertThat(page).contains(text));
        assertThat(page).contains(closurePlan);
        browser.screenshot("case-recorded").accessible("the case with what agencies recorded");
    }

    // ---- helpers ----

    /** The education worker's referral; gives the case id (the reference is kept). */
    private String refer(ChildDetails child) {
        browser.go("/referrals/new").signIn("education-worker");
        user = "education-worker";
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
                .type("concerns", "Synthetic concern: seen getting into cars with unknown adults after school.")
                .click(By.cssSelector("label[for=indicators-5]"))
                .click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".govuk-panel__title"))).isEqualTo("Referral sent");
        reference = browser.text(By.id("reference"));
        String href = browser.find(By.id("case-link")).getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    /** Signs out whoever is signed in, signs in as {@code who} at /tasks and checks their inbox once. */
    private void signInAs(String who) {
        if (who.equals(user)) {
            browser.go("/tasks");
        } else {
            if (!browser.all(By.cssSelector(".pw-header__signout")).isEmpty()) {
                loads(() -> browser.click(By.cssSelector(".pw-header__signout")));
                assertThat(browser.text(By.cssSelector(".govuk-notification-banner")))
                        .contains("You have signed out.");
            }
            browser.go("/tasks").signIn(who);
            user = who;
        }
        assertThat(browser.path()).startsWith("/tasks");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Tasks");
        if (inboxesChecked.add(who)) {
            browser.conforms("the inbox as " + who);
        }
    }

    /** The inbox row of this case's task called {@code name}. */
    private WebElement row(String name) {
        return browser.find(By.xpath(
                "//tr[@data-task-id][.//a[normalize-space(.)=\"" + name + "\"]][contains(., '" + reference + "')]"));
    }

    /** Opens the task from the inbox and checks its page. */
    private void open(String name) {
        if (!browser.path().startsWith("/tasks") || browser.path().startsWith("/tasks/")) {
            browser.go("/tasks");
        }
        loads(() -> row(name)
                .findElement(By.xpath(".//a[normalize-space(.)=\"" + name + "\"]"))
                .click());
        assertThat(browser.path()).matches("/tasks/[^/?]+");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo(name);
        assertThat(browser.text(By.cssSelector(".govuk-caption-l"))).contains(reference);
        assertThat(browser.text(BRIEFING)).startsWith("From the case record");
        browser.conforms("the task page \"" + name + "\" as " + user);
    }

    /** Does what leaves the page, and waits until the next one is there (no element of the old page is used after). */
    private void loads(Runnable action) {
        WebElement old = browser.find(By.tagName("html"));
        action.run();
        browser.until(ExpectedConditions.stalenessOf(old));
        browser.find(By.cssSelector("footer"));
    }

    /** Completes the task on the page: back at the inbox with the success banner. */
    private void complete(String name) {
        loads(() -> browser.click(COMPLETE));
        assertThat(browser.all(By.cssSelector(".govuk-error-summary")))
                .as("problems completing %s", name)
                .extracting(WebElement::getText)
                .isEmpty();
        assertThat(browser.path()).isIn("/tasks", "/tasks?show=agency");
        assertThat(browser.text(By.cssSelector(".govuk-notification-banner--success")))
                .contains("\"" + name + "\" is done. What you recorded is on the case.");
    }
}
