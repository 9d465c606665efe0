package uk.pathways.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingWalk;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.support.SyntheticIds;
import uk.pathways.web.Pages;

/**
 * Two cases that are the same child, merged by a MASH manager and the merge undone (issue 16): with a reason, audited
 * and chronicled on both; the referrals, open tasks, identifiers, names and agencies of the merged case are the
 * surviving case's, and the repeat-missing rule is counted again over the combined episodes; an undo puts each back.
 */
@PathwaysTest
class CaseMergeTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pathway pathway;

    @Autowired
    MissingWalk walk;

    @Autowired
    CaseFile caseFile;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Pages.mvc(context);
    }

    private static final java.util.Random LETTERS = new java.security.SecureRandom();

    private static String surname() {
        StringBuilder name = new StringBuilder("Mergetest");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + LETTERS.nextInt(26)));
        }
        return name.toString();
    }

    private static ChildDetails child(String first, String last, LocalDate dob, ChildIdentifiers ids) {
        return new ChildDetails(first, last, dob, "FEMALE", null, null, false, null, ids, List.of());
    }

    private MockHttpServletResponse send(String path, String body, String user) throws Exception {
        return mvc.perform(post(path)
                        .with(httpBasic(user, Pages.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse merge(String surviving, String merged, String reason, String user)
            throws Exception {
        return send(
                "/api/cases/" + surviving + "/merges",
                json.writeValueAsString(
                        reason == null
                                ? Map.of("mergedCaseId", merged)
                                : Map.of("mergedCaseId", merged, "reason", reason)),
                user);
    }

    private JsonNode view(String caseId) throws Exception {
        MockHttpServletResponse answer = mvc.perform(
                        get("/api/cases/" + caseId).with(httpBasic("education-worker", Pages.PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        return json.readTree(answer.getContentAsString());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    private int audited(String caseId, String resource) {
        return jdbc.queryForObject(
                "select count(*) from pw_audit where case_id = ? and action = 'CHANGE' and resource = ?",
                Integer.class,
                caseId,
                resource);
    }

    @Test
    void aMashManagerMergesTwoCasesOfOneChildWithAReasonAndUndoesIt() throws Exception {
        LocalDate dob = Now.today().minusYears(14).minusDays(40);
        String last = surname();
        String upn = SyntheticIds.upn();
        ReferralAccepted robin = pathway.refer(child("Robin", last, dob, ChildIdentifiers.NONE), List.of());
        ReferralAccepted robyn =
                pathway.refer(child("Robyn", last, dob, new ChildIdentifiers(null, null, upn, null)), List.of());
        String a = robin.caseId();
        String b = robyn.caseId();
        assertThat(b).isNotEqualTo(a);
        caseFile.involve(b, "police", "a test's decision", uk.pathways.agency.Actor.SYSTEM);

        // a worker may not merge; a manager must say why; nothing changes
        assertThat(merge(a, b, "Same child: the school confirmed", "mash-worker")
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse noReason = merge(a, b, null, "mash-manager");
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString()).contains("\"field\":\"reason\"");
        assertThat(merge(a, a, "itself", "mash-manager").getStatus()).isEqualTo(400);
        assertThat(view(a).get("referrals").size()).isEqualTo(1);

        MockHttpServletResponse merged = merge(a, b, "Same child: the school confirmed the spelling", "mash-manager");
        assertThat(merged.getStatus()).as(merged.getContentAsString()).isEqualTo(201);
        long mergeId = json.readTree(merged.getContentAsString()).get("id").asLong();

        JsonNode after = view(a);
        assertThat(texts(after.get("referrals"), "reference")).contains(robin.reference(), robyn.reference());
        assertThat(after.get("child").get("upn").asText())
                .as("the identifier came along")
                .isEqualTo(upn);
        assertThat(texts(after.get("child").get("knownAs"), "firstName")).contains("Robyn");
        List<String> agencies = new ArrayList<>();
        after.get("involvedAgencies").forEach(n -> agencies.add(n.asText()));
        assertThat(agencies).contains("police");
        assertThat(texts(after.get("openTasks"), "taskDefinitionKey"))
                .as("both referrals' screening tasks are on the surviving case")
                .containsExactly("screening", "screening");
        assertThat(send(
                                "/api/cases/" + a + "/merges",
                                "{\"mergedCaseId\": \"CASE-1999-000001\", \"reason\": \"x\"}",
                                "mash-manager")
                        .getStatus())
                .as("no such case")
                .isEqualTo(404);
        assertThat(texts(after.get("chronology"), "summary"))
                .anyMatch(s -> s.contains("Case " + b + " (Robyn " + last + ") was merged into this case"));
        assertThat(after.get("merges").get(0).get("reason").asText())
                .isEqualTo("Same child: the school confirmed the spelling");
        assertThat(caseFile.find(b).orElseThrow().status()).isEqualTo("MERGED");
        assertThat(caseFile.referrals(b)).isEmpty();
        assertThat(audited(a, "merge " + mergeId)).isEqualTo(1);
        assertThat(audited(b, "merge " + mergeId)).isEqualTo(1);
        assertThat(merge(a, b, "again", "mash-manager").getStatus())
                .as("merged already")
                .isEqualTo(409);
        ReferralAccepted again = pathway.refer(child("Robyn", last, dob, ChildIdentifiers.NONE), List.of());
        assertThat(again.caseId())
                .as("a referral in the merged child's name and date of birth joins the surviving case")
                .isEqualTo(a);

        // undo: each thing back where it was
        String undo = "/api/cases/" + a + "/merges/" + mergeId + "/undo";
        assertThat(send(undo, "{}", "mash-manager").getStatus()).isEqualTo(400);
        assertThat(send(undo, "{\"reason\": \"Not the same child after all\"}", "mash-worker")
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse undone = send(undo, "{\"reason\": \"Not the same child after all\"}", "mash-manager");
        assertThat(undone.getStatus()).as(undone.getContentAsString()).isEqualTo(200);

        JsonNode a2 = view(a);
        assertThat(texts(a2.get("referrals"), "reference"))
                .as("what was recorded on the surviving case after the merge stays there")
                .containsExactlyInAnyOrder(robin.reference(), again.reference());
        assertThat(a2.get("child").path("upn").asText(null)).isNull();
        assertThat(a2.get("child").get("knownAs")).isEmpty();
        assertThat(texts(a2.get("openTasks"), "taskDefinitionKey")).containsExactly("screening", "screening");
        assertThat(a2.get("merges").get(0).get("undoReason").asText()).isEqualTo("Not the same child after all");
        CaseSummary b2 = caseFile.find(b).orElseThrow();
        assertThat(b2.status()).isEqualTo("OPEN");
        assertThat(b2.child().identifiers().upn()).isEqualTo(upn);
        assertThat(caseFile.referrals(b)).extracting(ReferralRecord::reference).containsExactly(robyn.reference());
        assertThat(caseFile.involvedAgencies(a)).doesNotContain("police");
        assertThat(audited(a, "merge " + mergeId)).isEqualTo(2);
        assertThat(send(undo, "{\"reason\": \"twice\"}", "mash-manager").getStatus())
                .isEqualTo(409);
    }

    @Test
    void casesHoldingDifferentNhsNumbersAreNotMerged() throws Exception {
        LocalDate dob = Now.today().minusYears(12).minusDays(9);
        String last = surname();
        String a = pathway.refer(
                        child("Robin", last, dob, new ChildIdentifiers(SyntheticIds.nhsNumber(), null, null, null)),
                        List.of())
                .caseId();
        String b = pathway.refer(
                        child("Robyn", last, dob, new ChildIdentifiers(SyntheticIds.nhsNumber(), null, null, null)),
                        List.of())
                .caseId();
        MockHttpServletResponse refused = merge(a, b, "Looks the same", "mash-manager");
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("different NHS numbers");
        assertThat(caseFile.find(b).orElseThrow().status()).isEqualTo("OPEN");
    }

    @Test
    void threeEpisodesSplitOverTwoRecordsStartTheRepeatMissingReferralWhenMerged() throws Exception {
        LocalDate dob = Now.today().minusYears(15).minusDays(70);
        String last = surname();
        ChildDetails sam = child("Sam", last, dob, ChildIdentifiers.NONE);
        ChildDetails sammy = child("Sammy", last, dob, ChildIdentifiers.NONE);
        MissingReportAccepted one = walk.report(sam, Now.instant().minus(Duration.ofDays(20)), "LOW");
        MissingReportAccepted two = walk.report(sam, Now.instant().minus(Duration.ofDays(10)), "LOW");
        MissingReportAccepted three = walk.report(sammy, Now.instant().minus(Duration.ofHours(5)), "LOW");
        assertThat(two.caseId()).isEqualTo(one.caseId());
        assertThat(three.caseId()).as("a second record").isNotEqualTo(one.caseId());
        assertThat(caseFile.referrals(one.caseId()))
                .as("two episodes: no repeat missing yet")
                .isEmpty();

        MockHttpServletResponse merged =
                merge(one.caseId(), three.caseId(), "Sammy is Sam: the same address", "mash-manager");
        assertThat(merged.getStatus()).as(merged.getContentAsString()).isEqualTo(201);

        assertThat(jdbc.queryForList(
                        "select reference from pw_missing_episode where case_id = ?", String.class, one.caseId()))
                .containsExactlyInAnyOrder(one.reference(), two.reference(), three.reference());
        assertThat(caseFile.referrals(one.caseId()))
                .as("the repeat-missing rule, counted over the combined episodes, starts a CSE referral")
                .singleElement()
                .satisfies(r -> assertThat(r.concerns()).contains("Repeat missing: 3 missing episodes"));

        long mergeId = json.readTree(merged.getContentAsString()).get("id").asLong();
        assertThat(send(
                                "/api/cases/" + one.caseId() + "/merges/" + mergeId + "/undo",
                                "{\"reason\": \"Two children after all\"}",
                                "mash-manager")
                        .getStatus())
                .isEqualTo(200);
        assertThat(jdbc.queryForList(
                        "select reference from pw_missing_episode where case_id = ?", String.class, three.caseId()))
                .containsExactly(three.reference());
    }

    @Test
    void theCasePageOffersAMashManagerTheMergeOfAPossibleDuplicateAndItsUndo() throws Exception {
        LocalDate dob = Now.today().minusYears(13).minusDays(11);
        String last = surname();
        String a = pathway.refer(child("Katherine", last, dob, ChildIdentifiers.NONE), List.of())
                .caseId();
        String b = pathway.refer(child("Catherine", last, dob, ChildIdentifiers.NONE), List.of())
                .caseId();

        MockHttpSession worker = Pages.signIn(mvc, "mash-worker");
        assertThat(page(a, worker)).contains("possible-duplicates").doesNotContain("Merge into this case");

        MockHttpSession manager = Pages.signIn(mvc, "mash-manager");
        assertThat(page(a, manager))
                .contains("Merge a possible duplicate into this case")
                .contains(b);

        mvc.perform(post("/cases/" + a + "/merges")
                        .session(manager)
                        .with(csrf())
                        .param("mergedCaseId", b))
                .andReturn();
        assertThat(page(a, manager))
                .contains("There is a problem")
                .contains("href=\"#merge-reason\"")
                .contains("Enter why these cases are the same child");
        assertThat(caseFile.find(b).orElseThrow().status()).isEqualTo("OPEN");

        mvc.perform(post("/cases/" + a + "/merges")
                        .session(manager)
                        .with(csrf())
                        .param("mergedCaseId", b)
                        .param("reason", "Catherine is Katherine: same school, same address"))
                .andReturn();
        String merged = page(a, manager);
        assertThat(merged)
                .contains("was merged into this case")
                .contains("Case " + b + " was merged into case " + a)
                .contains("Undo the merge")
                .contains("Catherine " + last);
        assertThat(caseFile.find(b).orElseThrow().status()).isEqualTo("MERGED");

        String mergeId = jdbc.queryForObject("select id from pw_case_merge where merged_case_id = ?", Long.class, b)
                .toString();
        mvc.perform(post("/cases/" + a + "/merges/" + mergeId + "/undo")
                        .session(manager)
                        .with(csrf())
                        .param("reason", "Two girls, cousins"))
                .andReturn();
        assertThat(page(a, manager)).contains("Undone on").doesNotContain("Undo the merge");
        assertThat(caseFile.find(b).orElseThrow().status()).isEqualTo("OPEN");
    }

    private String page(String caseId, MockHttpSession session) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/cases/" + caseId).session(session))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString();
    }
}
