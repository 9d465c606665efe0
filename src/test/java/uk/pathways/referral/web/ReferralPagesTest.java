package uk.pathways.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
import uk.pathways.web.Pages;

@PathwaysTest
class ReferralPagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        mvc = Pages.mvc(context);
        session = Pages.signIn(mvc, "education-worker");
    }

    @Test
    void theFormStartsWithTheReferrersAgencyNameAndEmail() throws Exception {
        mvc.perform(get("/referrals/new").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Make a referral</h1>")))
                .andExpect(content()
                        .string(containsString("<option value=\"education\" selected=\"selected\">Education</option>")))
                .andExpect(content().string(containsString("value=\"education-worker@pathways.invalid\"")))
                .andExpect(content().string(containsString("id=\"child-dateOfBirth-day\"")));
    }

    @Test
    void mistakesAreShownTheGovukWayAndNothingIsRecorded() throws Exception {
        int referrals = referralCount();
        LocalDate tooOld = Now.today().minusYears(19);
        mvc.perform(referral(
                        "child.lastName",
                        "",
                        "dob.day",
                        String.valueOf(tooOld.getDayOfMonth()),
                        "dob.month",
                        String.valueOf(tooOld.getMonthValue()),
                        "dob.year",
                        String.valueOf(tooOld.getYear()),
                        "referrer.email",
                        "not-an-email"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Make a referral - Pathways</title>")))
                .andExpect(content()
                        .string(containsString("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")))
                // the summary links to each field, with the validator's own messages
                .andExpect(content()
                        .string(containsString("<a href=\"#child-lastName\">Enter the child&#39;s last name</a>")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#child-dateOfBirth-day\">The child must be under 18 on the date of the referral</a>")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#referrer-email\">Enter an email address in the correct format, like name@example.org</a>")))
                // and each field carries its error
                .andExpect(content().string(containsString("govuk-form-group govuk-form-group--error")))
                .andExpect(content().string(containsString("id=\"child-lastName-error\"")))
                // what was typed is kept
                .andExpect(content().string(containsString("value=\"Robin\"")));
        assertThat(referralCount()).isEqualTo(referrals);
    }

    @Test
    void aDateOfBirthWithAMissingPartSaysWhichPart() throws Exception {
        mvc.perform(referral("dob.month", ""))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#child-dateOfBirth-month\">The child&#39;s date of birth must include a month</a>")));
        mvc.perform(referral("dob.day", "31", "dob.month", "2"))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#child-dateOfBirth-day\">The child&#39;s date of birth must be a real date</a>")));
    }

    @Test
    void aLookedAfterChildNeedsThePlacingAuthority() throws Exception {
        mvc.perform(referral("child.lookedAfter", "yes"))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#child-placingAuthority\">Enter the placing authority of a looked-after child</a>")));
    }

    @Test
    void aGoodReferralStartsThePathwayAndConfirmsTheReference() throws Exception {
        MvcResult sent = mvc.perform(referral("child.lastName", "Testconfirm")
                        .param("indicators", "OLDER_PARTNER", "UNEXPLAINED_GIFTS"))
                .andExpect(redirectedUrl("/referrals/confirmation"))
                .andReturn();
        String reference = (String) sent.getFlashMap().get("reference");
        String caseId = (String) sent.getFlashMap().get("caseId");
        assertThat(reference).matches("REF-\\d{4}-\\d{6}");

        mvc.perform(get("/referrals/confirmation").session(session).flashAttrs(sent.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-panel__title\">Referral sent</h1>")))
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("href=\"/cases/" + caseId + "\"")));

        // recorded as the signed-in practitioner, from the web, with the ticked indicators, and screening is waiting
        assertThat(jdbc.queryForMap(
                        "select source, created_by, referrer_agency, indicators from pw_referral where reference = ?",
                        reference))
                .containsEntry("SOURCE", "WEB")
                .containsEntry("CREATED_BY", "education-worker")
                .containsEntry("REFERRER_AGENCY", "education")
                .containsEntry("INDICATORS", "OLDER_PARTNER,UNEXPLAINED_GIFTS");
        assertThat(jdbc.queryForObject(
                        "select actor from pw_chronology where reference = ? and event_type like 'REFERRAL%' order by id fetch first 1 rows only",
                        String.class, reference))
                .isEqualTo("education-worker");
        // the engine knew who was acting during the page request: it records them as the pathway's starter
        assertThat(context.getBean(org.camunda.bpm.engine.HistoryService.class)
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(reference)
                        .singleResult()
                        .getStartUserId())
                .isEqualTo("education-worker");
        assertThat(context.getBean(org.camunda.bpm.engine.TaskService.class)
                        .createTaskQuery()
                        .processInstanceBusinessKey(reference)
                        .taskDefinitionKey("screening")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theConfirmationPageWithoutAReferralGoesHome() throws Exception {
        mvc.perform(get("/referrals/confirmation").session(session)).andExpect(redirectedUrl("/"));
    }

    @Test
    void theFormShowsNoErrorsBeforeItIsSent() throws Exception {
        mvc.perform(get("/referrals/new").session(session))
                .andExpect(content().string(not(containsString("There is a problem"))));
    }

    /** A referral sent from the form: a good one, with the fields named in {@code changes} (name, value, ...) changed. */
    private MockHttpServletRequestBuilder referral(String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("child.firstName", "Robin");
        fields.put("child.lastName", "Testform");
        fields.put("dob.day", "12");
        fields.put("dob.month", "4");
        fields.put("dob.year", String.valueOf(Now.today().getYear() - 12));
        fields.put("child.lookedAfter", "no");
        fields.put("referrer.agency", "education");
        fields.put("referrer.name", "Sam Example");
        fields.put("referrer.email", "sam.example@school.example");
        fields.put("concerns", "Synthetic concern written for a test.");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/referrals/new").session(session).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private int referralCount() {
        return jdbc.queryForObject("select count(*) from pw_referral", Integer.class);
    }
}
