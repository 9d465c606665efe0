package uk.pathways.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

@PathwaysTest
class CasePagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Pathway pathway;

    @Autowired
    ManagementService managementService;

    @Autowired
    uk.pathways.casefile.CaseFile caseFile;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Pages.mvc(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCasePageTellsTheStoryToAnAgencyInvolved() throws Exception {
        ReferralAccepted referral = pathway.refer(14, List.of("OLDER_PARTNER"));
        Task screening = pathway.task(referral.caseId(), "screening");
        String page = page("education-worker", referral.caseId());

        assertThat(page)
                .contains("Case " + referral.caseId())
                .contains("Not decided yet")
                .contains("MASH has not screened a referral for this child yet.")
                .contains("href=\"/tasks/" + screening.getId() + "\">Screen the referral</a>")
                .contains(referral.reference())
                .contains("Synthetic concern for a test")
                .contains("No missing episodes recorded.")
                .doesNotContain(">Escalated<");
        // the chronology is newest first: the screening task came after the referral
        assertThat(page.indexOf("data-event=\"TASK_CREATED\""))
                .isPositive()
                .isLessThan(page.indexOf("data-event=\"REFERRAL_RECEIVED\""));
    }

    @Test
    void theDecisionAndItsInputsShowOnceMashHasScreened() throws Exception {
        ReferralAccepted referral = pathway.refer(12, List.of());
        pathway.complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("OLDER_PARTNER", "UNEXPLAINED_GIFTS"),
                        "disclosure",
                        true,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic screening note"));

        String page = page("education-worker", referral.caseId());
        assertThat(page)
                .contains("govuk-tag govuk-tag--red\">High</strong>")
                .contains("Urgent strategy meeting")
                .contains("In a relationship with a significantly older person")
                .contains("Has unexplained money, phones, clothes, drugs or other gifts")
                .contains("by Multi-Agency Safeguarding Hub Worker (Multi-Agency Safeguarding Hub)")
                .containsPattern(
                        "<dt class=\"govuk-summary-list__key\">Disclosure</dt>\\s*<dd class=\"govuk-summary-list__value\">Yes</dd>")
                .containsPattern(
                        "<dt class=\"govuk-summary-list__key\">Age when decided</dt>\\s*<dd class=\"govuk-summary-list__value\">12</dd>");
        assertThat(page.indexOf("data-event=\"THRESHOLD_DECIDED\""))
                .isPositive()
                .isLessThan(page.indexOf("data-event=\"REFERRAL_RECEIVED\""));
        // what MASH recorded reads back in words, under its stage
        assertThat(page)
                .contains("id=\"record-screening\"")
                .contains("Synthetic screening note")
                .containsPattern(
                        "Multi-Agency Safeguarding Hub, Multi-Agency Safeguarding Hub Worker, \\d+ \\w+ \\d{4} at");
        // the practitioners' chronology has no e-mail deliveries and no group ids; it filters by kind
        assertThat(page).doesNotContain("data-event=\"EMAIL_").doesNotContain("for mash");
        String screened = mvc.perform(get("/cases/" + referral.caseId() + "?kind=THRESHOLD_DECIDED")
                        .session(Pages.signIn(mvc, "education-worker")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(screened)
                .contains("data-event=\"THRESHOLD_DECIDED\"")
                .doesNotContain("data-event=\"REFERRAL_RECEIVED\"");
    }

    @Test
    void theChronologyPrintsAsAPdfForAnAgencyInvolvedOnly() throws Exception {
        ReferralAccepted referral = pathway.refer(13, List.of());
        pathway.complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of("indicators", List.of("OLDER_PARTNER"), "disclosure", true, "learningDisability", false));
        var child = caseFile.find(referral.caseId()).orElseThrow().child();

        org.springframework.test.web.servlet.MvcResult pdf = mvc.perform(
                        get("/cases/" + referral.caseId() + "/chronology.pdf")
                                .session(Pages.signIn(mvc, "education-worker")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn();
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains("Chronology: " + child.firstName() + " " + child.lastName() + " (" + referral.caseId() + ")")
                .contains("Referral " + referral.reference() + " received")
                .contains("Printed")
                .contains("Education Worker")
                .doesNotContain("E-mail");
        // oldest first: the referral before the screening's decision
        assertThat(text.indexOf("Referral " + referral.reference() + " received"))
                .isLessThan(text.indexOf("\"Screen the referral\" completed"));

        mvc.perform(get("/cases/" + referral.caseId() + "/chronology.pdf")
                        .session(Pages.signIn(mvc, "rhi-service-worker")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anEscalatedTaskIsFlaggedForTheManager() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Date due = pathway.task(referral.caseId(), "screening").getDueDate();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        int fired = 0;
        for (Job job : pathway.clocks(referral.processInstanceId())) {
            if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
                managementService.executeJob(job.getId());
                fired++;
            }
        }
        assertThat(fired).isEqualTo(1);

        String page = page("mash-manager", referral.caseId());
        assertThat(page)
                .containsPattern(
                        "data-task-key=\"screening\">[\\s\\S]*<strong class=\"govuk-tag govuk-tag--red\">Escalated</strong>")
                .contains("Multi-Agency Safeguarding Hub managers");
    }

    @Test
    void anAgencyNotInvolvedGetsAForbiddenPage() throws Exception {
        ReferralAccepted referral = pathway.refer(13, List.of());
        mvc.perform(get("/cases/" + referral.caseId()).session(Pages.signIn(mvc, "police-worker")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You cannot see this case")))
                .andExpect(content().string(not(containsString(referral.reference()))))
                .andExpect(content().string(containsString("Signed in as <strong>Police Worker</strong>")));
        mvc.perform(get("/cases/" + referral.caseId()).session(Pages.signIn(mvc, "admin")))
                .andExpect(status().isOk());
    }

    @Test
    void findACaseByNameDateOfBirthOrReferenceAmongTheCasesTheAgencyMayRead() throws Exception {
        ChildDetails child = Pathway.child(11);
        ReferralAccepted referral = pathway.refer(child, List.of());
        LocalDate dob = child.dateOfBirth();
        MockHttpSession education = Pages.signIn(mvc, "education-worker");

        String byName = find(education, "?q=" + child.lastName().toUpperCase().substring(0, 8));
        assertThat(byName)
                .contains("href=\"/cases/" + referral.caseId() + "\"")
                .contains("Cases your agency is involved in");
        assertThat(find(education, "?q=" + referral.reference().toLowerCase()))
                .contains("1 case found")
                .contains(referral.caseId());
        assertThat(find(education, "?q=" + referral.caseId())).contains("1 case found");
        assertThat(find(
                        education,
                        "?q=" + child.firstName() + "&dob.day=" + dob.getDayOfMonth() + "&dob.month="
                                + dob.getMonthValue() + "&dob.year=" + dob.getYear()))
                .contains(referral.caseId());
        assertThat(find(education, "?q=" + child.lastName() + "&dob.day=1&dob.month=1&dob.year=2001"))
                .contains("No cases found")
                .doesNotContain(referral.caseId());

        // another agency finds only who the child is and which agencies are involved: no link, no case details
        String police = find(Pages.signIn(mvc, "police-worker"), "?q=" + child.lastName());
        assertThat(police)
                .contains("Cases your agency is not involved in")
                .contains(child.firstName() + " " + child.lastName())
                .contains("Education, Multi-Agency Safeguarding Hub")
                .doesNotContain("href=\"/cases/" + referral.caseId() + "\"")
                .doesNotContain(referral.caseId())
                .doesNotContain("Cases your agency is involved in");
    }

    @Test
    void aSearchWithNothingOrABadDateSaysWhatToDo() throws Exception {
        MockHttpSession education = Pages.signIn(mvc, "education-worker");
        assertThat(find(education, "?q=")).contains("<a href=\"#q\">Enter a name, a reference or a date of birth</a>");
        assertThat(find(education, "?q=Alex&dob.day=31&dob.month=2&dob.year=2012"))
                .contains("<a href=\"#dob-day\">Date of birth must be a real date, like 27 3 2012</a>");
        assertThat(find(education, "")).doesNotContain("There is a problem").doesNotContain("found");
    }

    private String page(String user, String caseId) throws Exception {
        return mvc.perform(get("/cases/" + caseId).session(Pages.signIn(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String find(MockHttpSession session, String query) throws Exception {
        return mvc.perform(get("/cases" + query).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static LocalDate today() {
        return Now.today();
    }
}
