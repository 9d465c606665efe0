package uk.pathways.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.support.Pathway;
import uk.pathways.web.Browser;

/**
 * A police worker, in a real browser (headless Chromium), records a person and a location of concern, links both to
 * two children's cases, and reads the links on the investigator's page and on each child's case page; the pages pass
 * axe-core. Education, involved in both children, sees the location on the case page and never the person. Skipped
 * only where Debian's chromium is not installed.
 */
@Tag("browser")
@Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-subjects-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class SubjectsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Pathway pathway;

    @Autowired
    CaseAccess access;

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
        if (browser != null) {
            browser.close();
        }
    }

    private String caseWithPolice() {
        String caseId = pathway.refer(15, List.of()).caseId();
        long asked = access.requestAccess(caseId, "police-worker", "Synthetic: police intelligence on the child");
        access.grantAccess(caseId, asked, "mash-manager");
        return caseId;
    }

    private String record(String kindId, String category, String label, String district, String caseId) {
        browser.go("/subjects/new");
        browser.click(By.id(kindId));
        new Select(browser.find(By.id("category"))).selectByValue(category);
        browser.type("label", label).type("district", district);
        if (caseId != null) {
            browser.type("caseId", caseId).type("reason", "Synthetic: the child was seen there");
        }
        browser.click(By.id("record"));
        browser.until(d -> browser.path().matches("/subjects/SUB-\\d{6}"));
        return browser.path().substring("/subjects/".length());
    }

    private void linkTo(String subjectId, String caseId) {
        browser.go("/subjects/" + subjectId);
        browser.type("link-caseId", caseId).type("link-reason", "Synthetic: seen with the child");
        browser.click(By.id("link-case"));
        browser.until(d -> browser.all(By.id("done")).size() == 1);
        assertThat(browser.text(By.id("done"))).isEqualTo("Linked to case " + caseId);
    }

    @Test
    void aPoliceWorkerRecordsAPersonAndALocationAndLinksThemToTwoChildren() throws Exception {
        String first = caseWithPolice();
        String second = caseWithPolice();

        browser.go("/subjects").signIn("police-worker");
        browser.go("/subjects/new");
        // nothing chosen: the error summary names the fields, and nothing is recorded
        browser.click(By.id("record"));
        assertThat(browser.text(By.cssSelector(".govuk-error-summary"))).contains("Choose the kind", "Enter");
        browser.accessible("recording a subject, with errors");

        String person = record("kind", "SUSPECT", "Synthetic Person Browser", "Corby", null);
        assertThat(browser.text(By.id("subject-readers"))).isEqualTo("The police alone");
        String place = record("kind-LOCATION", "HOTEL", "Synthetic Hotel, 2 Example Road", "Kettering", first);
        linkTo(person, first);
        linkTo(person, second);
        linkTo(place, second);

        browser.go("/subjects/" + person);
        assertThat(browser.all(By.cssSelector("#case-links tbody tr")))
                .extracting(r -> r.getAttribute("data-case-id"))
                .containsExactly(first, second);
        browser.accessible("the investigator's page");
        browser.screenshot("investigator-page");
        // the child's case link leads to the case page, which lists both subjects
        browser.click(By.cssSelector("#case-links tr[data-case-id='" + second + "'] a"));
        browser.until(d -> browser.path().equals("/cases/" + second));
        assertThat(browser.all(By.cssSelector("#subject-links tbody tr")))
                .extracting(r -> r.getAttribute("data-subject-id"))
                .containsExactlyInAnyOrder(person, place);
        assertThat(browser.text(By.id("subject-links"))).contains("Synthetic Person Browser", "Synthetic Hotel");
        browser.go("/cases/" + first);
        assertThat(browser.text(By.id("subject-links"))).contains("Synthetic Person Browser", "Synthetic Hotel");
        browser.screenshot("case-page-subjects");

        browser.go("/subjects?q=synthetic");
        assertThat(browser.all(By.cssSelector("#subjects tbody tr")))
                .extracting(r -> r.getAttribute("data-subject-id"))
                .contains(person, place);
        browser.accessible("finding subjects");

        // education referred both children: the hotel on the case page, never the person
        browser.driver().manage().deleteAllCookies();
        browser.go("/cases/" + first).signIn("education-worker");
        browser.go("/cases/" + first);
        assertThat(browser.text(By.id("subjects-of-concern")))
                .contains("Synthetic Hotel")
                .doesNotContain("Synthetic Person");
        assertThat(browser.driver().getPageSource()).doesNotContain(person);

        // a police manager schedules the exploitation panel: both subjects are on its agenda as new since the last one
        browser.driver().manage().deleteAllCookies();
        browser.go("/panels").signIn("police-manager");
        browser.go("/panels");
        browser.click(By.cssSelector("#schedule-panel button"));
        browser.until(d -> browser.path().matches("/panels/[^/]+"));
        assertThat(browser.all(By.cssSelector(".pw-subject")))
                .extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith(person + ": Synthetic Person Browser"))
                .anySatisfy(t -> assertThat(t).startsWith(place + ": Synthetic Hotel, 2 Example Road"));
        browser.accessible("the panel's agenda");
        browser.screenshot("panel-agenda");
    }
}
