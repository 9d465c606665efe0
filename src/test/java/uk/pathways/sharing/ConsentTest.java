package uk.pathways.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.missing.EpisodeTypes;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingWalk;
import uk.pathways.missing.NewMissingReport;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * Consent per share (issue 18): the lead agency records the case's consent position (sought and given, sought and
 * refused, or not sought; from whom; when; why) at the sharing log page and the API, kept as a history; every kind of
 * share made afterwards records the position in force at that moment; involved agencies read the position on the case
 * page and beside the forms that share; the subject access export holds it. Bad input is refused field by field and
 * changes nothing; anyone but the lead agency and its managers is refused, audited.
 */
@PathwaysTest
class ConsentTest {

    private static final String REFUSED_REASON =
            "Synthetic: sharing without consent, seeking it again would place the child at risk of significant harm";

    @Autowired
    Pathway pathway;

    @Autowired
    MissingWalk walk;

    @Autowired
    Mailroom mailroom;

    @Autowired
    SharingLog log;

    @Autowired
    SharingConsent consent;

    @Autowired
    CaseAccess access;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    WebApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    private static String body(String position, String from, LocalDate date, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("position", position);
        body.put("from", from);
        body.put("date", date == null ? null : date.toString());
        body.put("reason", reason);
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcResult postConsent(MockMvc mvc, String caseId, String user, String body) throws Exception {
        return mvc.perform(post("/api/cases/" + caseId + "/consent")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
    }

    private List<Share> sharesAfter(String caseId, long lastId) {
        return log.of(caseId).stream().filter(s -> s.id() > lastId).toList();
    }

    private long lastShareId(String caseId) {
        return log.of(caseId).stream().mapToLong(Share::id).max().orElse(0);
    }

    private Task agencyInformation(String caseId, String agency) {
        return pathway.tasks(caseId, "agency-information").stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> agency.equals(l.getGroupId())))
                .findFirst()
                .orElseThrow();
    }

    private int audited(String caseId, String user, String action) {
        return jdbc.queryForObject(
                "select count(*) from pw_audit where case_id = ? and user_id = ? and action = ? and resource = ?",
                Integer.class,
                caseId,
                user,
                action,
                SharingConsent.RESOURCE);
    }

    @Test
    void everyKindOfShareRecordsThePositionInForceWhenItWasMade() throws Exception {
        MockMvc mvc = Pages.mvc(context);
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();

        // before anything is recorded: the deployment's configured position, and no consent record
        assertThat(log.of(caseId)).isNotEmpty().allSatisfy(s -> {
            assertThat(s.consent()).startsWith("Not sought: sharing without consent to protect a child");
            assertThat(s.consentId()).isNull();
        });

        // MASH leads while screening: a MASH worker records that the young person refused
        MvcResult refused = postConsent(
                mvc,
                caseId,
                "mash-worker",
                body("REFUSED", "YOUNG_PERSON", Now.today().minusDays(1), REFUSED_REASON));
        assertThat(refused.getResponse().getStatus()).isEqualTo(201);
        long refusal = json.readTree(refused.getResponse().getContentAsString())
                .path("id")
                .asLong();
        long before = lastShareId(caseId);

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
        pathway.complete(
                agencyInformation(caseId, "police"),
                "police-worker",
                Map.of("agencyInformation", "Synthetic police information", "restricted", true));
        mailroom.deliver(caseId);
        mvc.perform(get("/cases/" + caseId + "/chronology.pdf").session(Pages.signIn(mvc, "police-worker")))
                .andExpect(status().isOk());
        long asked = access.requestAccess(caseId, "rhi-service-worker", "Synthetic: an interview was offered");
        access.grantAccess(caseId, asked, "mash-manager");

        List<Share> underRefusal = sharesAfter(caseId, before);
        assertThat(underRefusal)
                .extracting(Share::kind)
                .contains(
                        Share.ACCESS_BY_DECISION,
                        Share.MEETING_INFORMATION,
                        Share.EMAIL,
                        Share.EXPORT,
                        Share.ACCESS_BY_MANAGER);
        assertThat(underRefusal).allSatisfy(s -> {
            assertThat(s.consentId()).as(s.kind()).isEqualTo(refusal);
            assertThat(s.consent())
                    .as(s.kind())
                    .startsWith("Sought and refused by the young person on ")
                    .as("the reason stays with the position, not copied into every share")
                    .doesNotContain(REFUSED_REASON)
                    .contains("Its reason is kept with the consent position (consent " + refusal + ")")
                    .contains("Recorded by mash-worker (Multi-Agency Safeguarding Hub)");
        });

        // the strategy meeting's stage: children's services lead, and record that consent was not sought from a parent
        assertThat(postConsent(
                                mvc,
                                caseId,
                                "childrens-services-manager",
                                body(
                                        "NOT_SOUGHT",
                                        "PARENT_OR_CARER",
                                        Now.today(),
                                        "Synthetic: a parent is suspected of arranging the exploitation"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        long second = lastShareId(caseId);
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
        assertThat(sharesAfter(caseId, second))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.consent())
                        .as(s.kind())
                        .startsWith("Not sought from a parent or carer, decided on ")
                        .doesNotContain("a parent is suspected"));

        // nothing overwritten: the shares made under the refusal still say so, and both positions are kept
        assertThat(sharesAfter(caseId, before).stream()
                        .filter(s -> s.id() <= second)
                        .toList())
                .hasSameSizeAs(underRefusal)
                .allSatisfy(s -> assertThat(s.consentId()).isEqualTo(refusal));
        assertThat(consent.history(caseId))
                .extracting(ConsentPosition::position)
                .containsExactly("NOT_SOUGHT", "REFUSED");
        assertThat(consent.inForce(caseId).position()).isEqualTo("NOT_SOUGHT");
    }

    @Test
    void theMissingEpisodesSharesRecordThePositionToo() throws Exception {
        MissingReportAccepted accepted = walk.report(new NewMissingReport(
                Pathway.child(14),
                null,
                Now.instant().minus(Duration.ofHours(2)),
                MissingWalk.policeReference(),
                "MEDIUM",
                EpisodeTypes.MISSING_FROM_CARE,
                "Northamptonshire",
                true,
                null));
        String caseId = accepted.caseId();
        // the missing co-ordinator leads: consent was sought from the young person and given
        MockMvc mvc = Pages.mvc(context);
        MvcResult given = postConsent(
                mvc, caseId, "missing-coordinator-worker", body("GIVEN", "YOUNG_PERSON", Now.today(), null));
        assertThat(given.getResponse().getStatus()).isEqualTo(201);
        long id = json.readTree(given.getResponse().getContentAsString())
                .path("id")
                .asLong();
        long before = lastShareId(caseId);

        walk.episodes().returned(accepted.reference(), Now.instant());
        Map<String, Object> interview = new HashMap<>();
        interview.put("rhiOffered", true);
        interview.put("rhiAccepted", true);
        interview.put("cseConcern", false);
        interview.put("informationForPolice", "Synthetic: a car seen at the flat");
        pathway.complete(caseId, "return-home-interview", "rhi-service-worker", interview);

        List<Share> after = sharesAfter(caseId, before);
        assertThat(after).extracting(Share::kind).contains(Share.PLACING_AUTHORITY, Share.INTELLIGENCE_TO_POLICE);
        assertThat(after).allSatisfy(s -> {
            assertThat(s.consentId()).as(s.kind()).isEqualTo(id);
            assertThat(s.consent()).as(s.kind()).startsWith("Sought and given by the young person on ");
        });
        // the report's own share, made before, kept the configured position
        assertThat(log.of(caseId).stream()
                        .filter(s -> s.id() <= before && s.kind().equals(Share.PLACING_AUTHORITY))
                        .toList())
                .singleElement()
                .satisfies(s -> assertThat(s.consentId()).isNull());
    }

    @Test
    void theApiIsForTheLeadAgencyRefusesBadFieldsByNameAndAuditsEveryReadAndWrite() throws Exception {
        MockMvc mvc = Pages.mvc(context);
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        String path = "/api/cases/" + caseId + "/consent";

        // the lead agency (MASH, screening) reads the configured position while none is recorded
        mvc.perform(get(path).with(httpBasic("mash-worker", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inForce.recorded").value(false))
                .andExpect(jsonPath("$.inForce.words").value(org.hamcrest.Matchers.startsWith("Not sought")))
                .andExpect(jsonPath("$.history").isEmpty());
        assertThat(audited(caseId, "mash-worker", "READ")).isEqualTo(1);

        // an involved agency that does not lead, and an agency outside: 403 with whom to call, audited
        for (String user : List.of("education-worker", "health-worker")) {
            mvc.perform(get(path).with(httpBasic(user, Pages.PASSWORD)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.leadAgency").value("mash"))
                    .andExpect(jsonPath("$.involvedAgencies").isArray());
            MvcResult write = postConsent(mvc, caseId, user, body("GIVEN", "BOTH", Now.today(), null));
            assertThat(write.getResponse().getStatus()).as(user).isEqualTo(403);
            assertThat(json.readTree(write.getResponse().getContentAsString())
                            .path("leadAgency")
                            .asText())
                    .isEqualTo("mash");
            assertThat(audited(caseId, user, "ACCESS_REFUSED")).as(user).isEqualTo(2);
        }
        // an administrator reads (a data protection officer), but records nothing: that is the lead agency's
        mvc.perform(get(path).with(httpBasic("admin", Pages.PASSWORD))).andExpect(status().isOk());
        assertThat(postConsent(mvc, caseId, "admin", body("GIVEN", "BOTH", Now.today(), null))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(postConsent(mvc, "CASE-1999-999999", "mash-worker", body("GIVEN", "BOTH", Now.today(), null))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // bad fields: each named, nothing recorded
        Map<String, Object> bad = new HashMap<>();
        bad.put("position", "MAYBE");
        bad.put("from", "AN_AUNT");
        bad.put("date", Now.today().plusDays(3).toString());
        bad.put("consentGiven", true);
        assertThat(fields(postConsent(mvc, caseId, "mash-worker", json.writeValueAsString(bad))))
                .containsExactlyInAnyOrder("position", "from", "date", "consentGiven");
        assertThat(fields(postConsent(mvc, caseId, "mash-worker", body("REFUSED", null, Now.today(), " "))))
                .containsExactlyInAnyOrder("from", "reason");
        assertThat(fields(postConsent(mvc, caseId, "mash-worker", body("NOT_SOUGHT", null, null, null))))
                .containsExactlyInAnyOrder("date", "reason");
        assertThat(fields(postConsent(
                        mvc, caseId, "mash-worker", body("GIVEN", "YOUNG_PERSON", LocalDate.of(1990, 1, 1), null))))
                .containsExactly("date");
        assertThat(fields(postConsent(
                        mvc,
                        caseId,
                        "mash-worker",
                        body("GIVEN", "YOUNG_PERSON", null, null).replace("\"date\":null", "\"date\":\"2 December\""))))
                .containsExactly("date");
        assertThat(fields(postConsent(
                        mvc, caseId, "mash-worker", body("REFUSED", "BOTH", Now.today(), "x".repeat(1001)))))
                .containsExactly("reason");
        assertThat(fields(postConsent(mvc, caseId, "mash-worker", "[1, 2]"))).containsExactly("body");
        assertThat(consent.history(caseId)).isEmpty();
        assertThat(audited(caseId, "mash-worker", "CHANGE")).isZero();

        // a manager of the lead agency records; then a worker records a newer one; nothing is overwritten
        MvcResult first = postConsent(
                mvc,
                caseId,
                "mash-manager",
                body("NOT_SOUGHT", null, Now.today().minusDays(2), "Synthetic: the young person could not be reached"));
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(first.getResponse().getHeader("Location")).isEqualTo(path);
        JsonNode recorded = json.readTree(first.getResponse().getContentAsString());
        assertThat(recorded.path("position").asText()).isEqualTo("NOT_SOUGHT");
        assertThat(recorded.path("recordedBy").asText()).isEqualTo("mash-manager");
        assertThat(recorded.path("recordedByAgency").asText()).isEqualTo("mash");
        assertThat(recorded.path("date").asText())
                .isEqualTo(Now.today().minusDays(2).toString());
        assertThat(postConsent(mvc, caseId, "mash-worker", body("GIVEN", "BOTH", Now.today(), null))
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        JsonNode read = json.readTree(mvc.perform(get(path).with(httpBasic("mash-manager", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(read.path("inForce").path("position").asText()).isEqualTo("GIVEN");
        assertThat(read.path("inForce").path("from").asText()).isEqualTo("BOTH");
        assertThat(read.path("history").size()).isEqualTo(2);
        assertThat(read.path("history").get(1).path("reason").asText())
                .isEqualTo("Synthetic: the young person could not be reached");
        assertThat(audited(caseId, "mash-manager", "CHANGE")).isEqualTo(1);
        assertThat(audited(caseId, "mash-worker", "CHANGE")).isEqualTo(1);
        assertThat(audited(caseId, "mash-manager", "READ")).isEqualTo(1);

        // every agency involved reads the position in force with the case
        mvc.perform(get("/api/cases/" + caseId).with(httpBasic("education-worker", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consent.position").value("GIVEN"))
                .andExpect(jsonPath("$.consent.recordedBy").value("mash-worker"));
    }

    private List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        json.readTree(result.getResponse().getContentAsString())
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void theLeadAgencyRecordsItOnTheSharingLogPageAndThoseAboutToShareReadIt() throws Exception {
        MockMvc mvc = Pages.mvc(context);
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        String page = "/cases/" + caseId + "/sharing";
        MockHttpSession mash = Pages.signIn(mvc, "mash-worker");

        String blank = mvc.perform(get(page).session(mash))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(blank)
                .contains("Consent to share")
                .contains("id=\"consent-form\"")
                .contains("No position has been recorded for this case")
                .doesNotContain("id=\"consent-history\"");

        // an empty form: the error summary names what is missing; a date that is not a date; nothing recorded
        String errors = mvc.perform(post(page + "/consent").session(mash).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(errors)
                .contains("govuk-error-summary")
                .contains("href=\"#position\"")
                .contains("href=\"#date-day\"")
                .contains("Select whether consent was sought and given, sought and refused, or not sought");
        String refusedWithoutReason = mvc.perform(post(page + "/consent")
                        .session(mash)
                        .with(csrf())
                        .param("position", "REFUSED")
                        .param("date.day", "31")
                        .param("date.month", "2")
                        .param("date.year", "2026"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refusedWithoutReason)
                .contains("href=\"#from\"")
                .contains("href=\"#reason\"")
                .contains("The date must be a real date, like 2 12 2026")
                .contains("Enter why information is shared although consent was refused")
                .contains("value=\"31\"");
        assertThat(consent.history(caseId)).isEmpty();

        // an involved agency that does not lead the case may not record it (refused, audited)
        mvc.perform(post(page + "/consent")
                        .session(Pages.signIn(mvc, "education-worker"))
                        .with(csrf())
                        .param("position", "GIVEN")
                        .param("from", "YOUNG_PERSON"))
                .andExpect(status().isForbidden());
        assertThat(audited(caseId, "education-worker", "ACCESS_REFUSED")).isEqualTo(1);

        LocalDate day = Now.today().minusDays(1);
        mvc.perform(post(page + "/consent")
                        .session(mash)
                        .with(csrf())
                        .param("position", "REFUSED")
                        .param("from", "PARENT_OR_CARER")
                        .param("date.day", String.valueOf(day.getDayOfMonth()))
                        .param("date.month", String.valueOf(day.getMonthValue()))
                        .param("date.year", String.valueOf(day.getYear()))
                        .param("reason", REFUSED_REASON))
                .andExpect(status().isFound());
        assertThat(consent.inForce(caseId).position()).isEqualTo("REFUSED");
        String recorded = mvc.perform(get(page).session(mash))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(recorded)
                .contains("id=\"consent-history\"")
                .contains("data-position=\"REFUSED\"")
                .contains("Sought and refused")
                .contains("a parent or carer")
                .contains(REFUSED_REASON);

        // the case page shows the position to every involved agency; the link to record it only to the lead
        String casePage = mvc.perform(get("/cases/" + caseId).session(Pages.signIn(mvc, "education-worker")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(casePage)
                .contains("id=\"consent\"")
                .contains("Sought and refused")
                .contains("by a parent or carer")
                .contains(REFUSED_REASON)
                .doesNotContain("id=\"consent-link\"");
        assertThat(mvc.perform(get("/cases/" + caseId).session(mash))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"consent-link\"");

        // a task that shares nothing (the screening) does not show it
        assertThat(mvc.perform(get("/tasks/" + pathway.task(caseId, "screening").getId())
                                .session(mash))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("Consent to share");

        // the agency asked for its information for the strategy meeting reads it beside the form
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
        String task = mvc.perform(
                        get("/tasks/" + agencyInformation(caseId, "health").getId())
                                .session(Pages.signIn(mvc, "health-worker")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(task)
                .contains("Consent to share")
                .contains("data-position=\"REFUSED\"")
                .contains(REFUSED_REASON);
        // and so does the chair, recording the meeting's outcome (which involves agencies)
        assertThat(mvc.perform(get("/tasks/"
                                        + pathway.task(caseId, "strategy-meeting")
                                                .getId())
                                .session(Pages.signIn(mvc, "childrens-services-worker")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Consent to share")
                .contains(REFUSED_REASON);
    }

    @Test
    void theSubjectAccessExportHoldsThePositionInForceAndItsHistory() throws Exception {
        MockMvc mvc = Pages.mvc(context);
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        consent.record(
                caseId,
                new SharingConsent.NewConsent("REFUSED", "BOTH", Now.today(), REFUSED_REASON),
                "mash-worker",
                "API");
        String body = mvc.perform(
                        get("/api/cases/" + caseId + "/subject-access").with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode export = json.readTree(body);
        assertThat(export.path("consentInForce").path("position").asText()).isEqualTo("REFUSED");
        assertThat(export.path("consent").size()).isEqualTo(1);
        assertThat(export.path("consent").get(0).path("reason").asText()).isEqualTo(REFUSED_REASON);
        assertThat(export.path("reviewBeforeDisclosure").path("consent").get(0).asText())
                .isEqualTo(export.path("consent").get(0).path("id").asText());

        byte[] pdf = mvc.perform(
                        get("/api/cases/" + caseId + "/subject-access.pdf").with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = SharingLogTest.pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text)
                .contains("Consent to share: the position in force")
                .contains("Consent to share: every position recorded")
                .contains("REVIEW BEFORE DISCLOSURE: consent position "
                        + export.path("consent").get(0).path("id").asText())
                .contains("seeking it again would place the child");
    }
}
