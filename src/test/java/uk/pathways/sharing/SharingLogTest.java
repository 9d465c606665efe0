package uk.pathways.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.missing.EpisodeTypes;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingWalk;
import uk.pathways.missing.NewMissingReport;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * Every kind of share writes its row of the sharing log, with what, with whom, by whom and the lawful basis; the log
 * is for the lead agency and its managers, refused to others, audited.
 */
@PathwaysTest
class SharingLogTest {

    @Autowired
    Pathway pathway;

    @Autowired
    MissingWalk walk;

    @Autowired
    Mailroom mailroom;

    @Autowired
    SharingLog log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private List<Share> shares(String caseId, String kind) {
        return log.of(caseId).stream().filter(s -> s.kind().equals(kind)).toList();
    }

    @Test
    void aReferralsSharesAreLoggedWithTheirLawfulBasisAndTheLeadAgencyReadsThem() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
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
                Map.of(
                        "meetingAt",
                        Now.instant().plus(Duration.ofHours(20)).toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"));
        Task police = pathway.tasks(caseId, "agency-information").stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> "police".equals(l.getGroupId())))
                .findFirst()
                .orElseThrow();
        pathway.complete(
                police,
                "police-worker",
                Map.of("agencyInformation", "Synthetic police information", "restricted", true));
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        true,
                        "section47",
                        false,
                        "policeInvestigation",
                        false,
                        "meetingMinutes",
                        "Synthetic minutes"));
        mailroom.deliver(caseId);

        assertThat(shares(caseId, Share.ACCESS_BY_DECISION))
                .extracting(Share::sharedWith)
                .contains("Multi-Agency Safeguarding Hub", "Police", "Health", "RISE team");
        assertThat(shares(caseId, Share.ACCESS_BY_DECISION)).anySatisfy(s -> {
            assertThat(s.sharedWith()).isEqualTo("RISE team");
            assertThat(s.what()).contains("accepted the young person for RISE support");
            assertThat(s.sharedBy()).isEqualTo("childrens-services-worker");
            assertThat(s.lawfulBasis()).contains("UK GDPR").contains("Sch. 1 para. 18");
            assertThat(s.consent()).startsWith("Not sought");
        });
        assertThat(shares(caseId, Share.MEETING_INFORMATION)).singleElement().satisfies(s -> {
            assertThat(s.what()).isEqualTo("Police's information for the strategy meeting (restricted)");
            assertThat(s.sharedWith()).isEqualTo("Police, Children's services");
            assertThat(s.sharedBy()).isEqualTo("police-worker");
        });
        assertThat(shares(caseId, Share.EMAIL))
                .as("the e-mails about the case")
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.sharedWith()).contains("@"));

        // the printed chronology is a share too
        MockMvc mvc = Pages.mvc(context);
        mvc.perform(get("/cases/" + caseId + "/chronology.pdf").session(Pages.signIn(mvc, "rise-worker")))
                .andExpect(status().isOk());
        assertThat(shares(caseId, Share.EXPORT))
                .singleElement()
                .satisfies(s -> assertThat(s.sharedBy()).isEqualTo("rise-worker"));

        // the lead agency (RISE, in support) and its managers read the log; another involved agency does not
        String page = mvc.perform(get("/cases/" + caseId + "/sharing").session(Pages.signIn(mvc, "rise-manager")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Sharing log")
                .contains("data-kind=\"MEETING_INFORMATION\"")
                .contains("Sch. 1 para. 18");
        assertThat(mvc.perform(get("/cases/" + caseId).session(Pages.signIn(mvc, "rise-worker")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"sharing-log-link\"");
        int refused = jdbc.queryForObject(
                "select count(*) from pw_audit where case_id = ? and user_id = 'health-worker' "
                        + "and action = 'ACCESS_REFUSED' and resource = 'sharing log'",
                Integer.class,
                caseId);
        mvc.perform(get("/cases/" + caseId + "/sharing").session(Pages.signIn(mvc, "health-worker")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where case_id = ? and user_id = 'health-worker' "
                                + "and action = 'ACCESS_REFUSED' and resource = 'sharing log'",
                        Integer.class,
                        caseId))
                .isEqualTo(refused + 1);
        assertThat(mvc.perform(get("/cases/" + caseId).session(Pages.signIn(mvc, "health-worker")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("id=\"sharing-log-link\"");
    }

    @Test
    void aSubjectAccessExportHoldsEverythingEvenRestrictedAndIsAuditedAndLogged() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of(),
                        "disclosure",
                        true,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic screening notes for the export"));
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Now.instant().plus(Duration.ofHours(20)).toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"));
        Task police = pathway.tasks(caseId, "agency-information").stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> "police".equals(l.getGroupId())))
                .findFirst()
                .orElseThrow();
        pathway.complete(
                police,
                "police-worker",
                Map.of("agencyInformation", "Synthetic restricted intelligence", "restricted", true));

        MockMvc mvc = Pages.mvc(context);
        var refused = mvc.perform(get("/api/cases/" + caseId + "/subject-access")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("mash-manager", Pages.PASSWORD)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);

        String body = mvc.perform(get("/api/cases/" + caseId + "/subject-access")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var export = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertThat(body)
                .contains("Synthetic restricted intelligence")
                .contains("Synthetic screening notes for the export")
                .contains(referral.reference());
        assertThat(export.path("child").path("lastName").asText()).isNotBlank();
        assertThat(export.path("chronology").size()).isPositive();
        assertThat(export.path("sharingLog").size()).isPositive();
        assertThat(export.path("audit").size()).isPositive();
        assertThat(export.path("reviewBeforeDisclosure").path("entries").size()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where case_id = ? and user_id = 'admin' and resource = 'subject access export'",
                        Integer.class,
                        caseId))
                .isEqualTo(1);
        assertThat(shares(caseId, Share.EXPORT))
                .singleElement()
                .satisfies(s -> assertThat(s.what()).startsWith("Subject access export, JSON"));

        // the same export as a PDF: every entry, the restricted one too, and the free text marked for review
        assertThat(mvc.perform(get("/api/cases/" + caseId + "/subject-access.pdf")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.httpBasic(
                                        "mash-manager", Pages.PASSWORD)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        byte[] pdf = mvc.perform(get("/api/cases/" + caseId + "/subject-access.pdf")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = pdfText(pdf);
        assertThat(text)
                .contains("Subject access export: case " + caseId)
                .contains(referral.reference())
                .contains(export.path("child").path("lastName").asText())
                .contains("Synthetic restricted intelligence")
                .contains("Synthetic screening notes for the export")
                .contains("REVIEW BEFORE DISCLOSURE")
                .contains("Sharing log")
                .contains("subject access export");
        for (var entry : export.path("record")) {
            assertThat(text)
                    .as("entry " + entry.path("id").asText())
                    .contains("entry " + entry.path("id").asText());
        }
        assertThat(shares(caseId, Share.EXPORT))
                .extracting(Share::what)
                .anyMatch(w -> w.startsWith("Subject access export, PDF"));
        // and from the data protection page, in an administrator's session
        mvc.perform(get("/cases/" + caseId + "/subject-access.pdf").session(Pages.signIn(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"));
        mvc.perform(get("/cases/" + caseId + "/subject-access.pdf").session(Pages.signIn(mvc, "rise-manager")))
                .andExpect(status().isForbidden());
    }

    /** The text of every page of a PDF, as a reader would copy it. */
    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }

    @Test
    void thePlacingAuthorityToldAndTheInterviewsInformationForThePoliceAreLogged() {
        MissingReportAccepted accepted = walk.report(new NewMissingReport(
                Pathway.child(13),
                null,
                Now.instant().minus(Duration.ofHours(2)),
                MissingWalk.policeReference(),
                "MEDIUM",
                EpisodeTypes.MISSING_FROM_CARE,
                "Northamptonshire",
                true,
                null));
        assertThat(shares(accepted.caseId(), Share.PLACING_AUTHORITY))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sharedWith()).isEqualTo("Northamptonshire");
                    assertThat(s.what()).contains(accepted.reference());
                    assertThat(s.lawfulBasis()).contains("go missing from home or care");
                });

        walk.episodes().returned(accepted.reference(), Now.instant());
        Map<String, Object> interview = new HashMap<>();
        interview.put("rhiOffered", true);
        interview.put("rhiAccepted", true);
        interview.put("cseConcern", false);
        interview.put("informationForPolice", "Synthetic: a car seen at the flat");
        pathway.complete(accepted.caseId(), "return-home-interview", "rhi-service-worker", interview);
        assertThat(shares(accepted.caseId(), Share.INTELLIGENCE_TO_POLICE))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sharedWith()).isEqualTo("Police");
                    assertThat(s.reference()).isEqualTo(accepted.reference());
                });
    }
}
