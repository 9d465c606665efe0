package uk.pathways.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.support.SyntheticIds;
import uk.pathways.web.Pages;

/**
 * One child, one record (issue 16), at every door that takes a child: the API's referrals and missing reports, the
 * Make a referral and Report a missing child pages and the contract's messages. An exact identifier joins the case
 * that holds it even under another name (which the case then knows the child by); a contradiction (identifiers of
 * two cases, another date of birth, another NHS number) is a 400 naming the fields and creates nothing; what was
 * given is shown on the case page and in GET /api/cases/{caseId}; a known-as name finds the child as a possible
 * duplicate.
 */
@PathwaysTest
class OneChildOneRecordTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    PossibleDuplicates duplicates;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Pages.mvc(context);
    }

    private static final java.util.Random LETTERS = new java.security.SecureRandom();

    /**
     * A synthetic surname of random letters, so that no other test's child is this one. No common prefix: the
     * possible-duplicate search scores a shared start as a near spelling ("Idtest..." against "Idtest..." once found
     * another test's Robin born two days apart).
     */
    private static String surname() {
        StringBuilder name = new StringBuilder().append((char) ('A' + LETTERS.nextInt(26)));
        for (int i = 0; i < 11; i++) {
            name.append((char) ('a' + LETTERS.nextInt(26)));
        }
        return name.toString();
    }

    private static LocalDate born() {
        return Now.today().minusYears(13).minusDays(LETTERS.nextInt(300));
    }

    private ObjectNode referral(String first, String last, LocalDate dob) {
        ObjectNode body = json.createObjectNode();
        ObjectNode child = body.putObject("child");
        child.put("firstName", first);
        child.put("lastName", last);
        child.put("dateOfBirth", dob.toString());
        ObjectNode referrer = body.putObject("referrer");
        referrer.put("agency", "health");
        referrer.put("name", "Dana Example");
        referrer.put("email", "dana.example@health.example");
        body.put("concerns", "Synthetic concern for an identifier test");
        return body;
    }

    private static ObjectNode child(ObjectNode body) {
        return (ObjectNode) body.get("child");
    }

    private MockHttpServletResponse send(String path, JsonNode body, String user) throws Exception {
        return mvc.perform(post(path)
                        .with(httpBasic(user, Pages.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
    }

    private String refer(ObjectNode body) throws Exception {
        MockHttpServletResponse answer = send("/api/referrals", body, "health-worker");
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        return json.readTree(answer.getContentAsString()).get("caseId").asText();
    }

    /** The 400's named fields; and nothing was created. */
    private List<String> refused(Supplier<MockHttpServletResponse> sending) throws Exception {
        int cases = count("pw_case");
        int referrals = count("pw_referral");
        int episodes = count("pw_missing_episode");
        MockHttpServletResponse answer = sending.get();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(400);
        assertThat(answer.getContentType()).isEqualTo("application/problem+json");
        assertThat(count("pw_case")).as("no case opened").isEqualTo(cases);
        assertThat(count("pw_referral")).as("no referral recorded").isEqualTo(referrals);
        assertThat(count("pw_missing_episode")).as("no episode recorded").isEqualTo(episodes);
        List<String> fields = new ArrayList<>();
        json.readTree(answer.getContentAsString())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private Supplier<MockHttpServletResponse> referring(ObjectNode body) {
        return () -> {
            try {
                return send("/api/referrals", body, "health-worker");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private JsonNode caseView(String caseId, String user) throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/api/cases/" + caseId).with(httpBasic(user, Pages.PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        return json.readTree(answer.getContentAsString());
    }

    private static List<String> knownAs(JsonNode view) {
        List<String> names = new ArrayList<>();
        view.get("child")
                .get("knownAs")
                .forEach(n -> names.add((n.path("firstName").asText("") + " "
                                + n.path("lastName").asText(""))
                        .strip()));
        return names;
    }

    private static String identifierValue(String field) {
        return switch (field) {
            case "nhsNumber" -> SyntheticIds.nhsNumber();
            case "localAuthorityChildId" -> SyntheticIds.localAuthorityChildId();
            case "upn" -> SyntheticIds.upn();
            default -> SyntheticIds.policePersonId();
        };
    }

    @Test
    void theIdentifiersAndKnownAsNamesAreKeptOnceAndShownInTheApiAndOnTheCasePage() throws Exception {
        String nhs = SyntheticIds.nhsNumber();
        String upn = SyntheticIds.upn();
        String la = SyntheticIds.localAuthorityChildId();
        String police = SyntheticIds.policePersonId();
        ObjectNode body = referral("Robin", surname(), born());
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        child(body).put("nhsNumber", spaced);
        child(body).put("upn", upn.toLowerCase());
        child(body).put("localAuthorityChildId", la);
        child(body).put("policePersonId", police);
        child(body).putArray("knownAs").addObject().put("firstName", "Robyn").put("lastName", "Samplename");

        String caseId = refer(body);

        JsonNode child = caseView(caseId, "health-worker").get("child");
        assertThat(child.get("nhsNumber").asText()).isEqualTo(nhs);
        assertThat(child.get("upn").asText()).isEqualTo(upn);
        assertThat(child.get("localAuthorityChildId").asText()).isEqualTo(la);
        assertThat(child.get("policePersonId").asText()).isEqualTo(police);
        assertThat(knownAs(caseView(caseId, "health-worker"))).containsExactly("Robyn Samplename");

        MockHttpSession session = Pages.signIn(mvc, "health-worker");
        String page = mvc.perform(get("/cases/" + caseId).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("NHS number")
                .contains(spaced)
                .contains(upn)
                .contains(la)
                .contains(police)
                .contains("Also known as")
                .contains("Robyn Samplename");
    }

    @ParameterizedTest(name = "the same {0} joins the case under another name")
    @ValueSource(strings = {"nhsNumber", "localAuthorityChildId", "upn", "policePersonId"})
    void anExactIdentifierJoinsTheCaseBeforeTheNameAndTheCaseKnowsTheOtherName(String field) throws Exception {
        String value = identifierValue(field);
        LocalDate dob = born();
        String last = surname();
        ObjectNode first = referral("Robin", last, dob);
        child(first).put(field, value);
        String caseId = refer(first);

        ObjectNode second = referral("Robyn", "Other" + last, dob);
        child(second).put(field, value);
        assertThat(refer(second)).as("joined by the " + field).isEqualTo(caseId);

        JsonNode view = caseView(caseId, "health-worker");
        assertThat(view.get("referrals").size()).isEqualTo(2);
        assertThat(view.get("child").get("firstName").asText())
                .as("the case keeps its name")
                .isEqualTo("Robin");
        assertThat(knownAs(view)).as("and knows the other").containsExactly("Robyn Other" + last);
    }

    @Test
    void withoutAMatchingIdentifierTheNameAndDateOfBirthJoinAndTheCaseGainsTheIdentifiersItLacked() throws Exception {
        LocalDate dob = born();
        String last = surname();
        String caseId = refer(referral("Kit", last, dob));
        String nhs = SyntheticIds.nhsNumber();

        ObjectNode again = referral("Kit", last, dob);
        child(again).put("nhsNumber", nhs);
        assertThat(refer(again)).isEqualTo(caseId);
        assertThat(caseView(caseId, "health-worker")
                        .get("child")
                        .get("nhsNumber")
                        .asText())
                .isEqualTo(nhs);

        // now the NHS number alone finds the child under a known-as name
        ObjectNode alias = referral("Kitty", "Example" + last, dob);
        child(alias).put("nhsNumber", nhs);
        assertThat(refer(alias)).isEqualTo(caseId);
    }

    @Test
    void anIdentifierOfACaseWhoseChildHasAnotherDateOfBirthIsA400AndCreatesNothing() throws Exception {
        String nhs = SyntheticIds.nhsNumber();
        LocalDate dob = born();
        ObjectNode first = referral("Robin", surname(), dob);
        child(first).put("nhsNumber", nhs);
        refer(first);

        ObjectNode other = referral("Robin", surname(), dob.minusDays(1));
        child(other).put("nhsNumber", nhs);
        assertThat(refused(referring(other))).containsExactly("child.dateOfBirth");
    }

    @Test
    void identifiersThatPointAtTwoCasesAreA400NamingBothAndCreateNothing() throws Exception {
        LocalDate dob = born();
        ObjectNode one = referral("Robin", surname(), dob);
        String nhs = SyntheticIds.nhsNumber();
        child(one).put("nhsNumber", nhs);
        refer(one);
        ObjectNode two = referral("Robin", surname(), dob);
        String upn = SyntheticIds.upn();
        child(two).put("upn", upn);
        refer(two);

        ObjectNode both = referral("Robin", surname(), dob);
        child(both).put("nhsNumber", nhs);
        child(both).put("upn", upn);
        assertThat(refused(referring(both))).containsExactlyInAnyOrder("child.nhsNumber", "child.upn");
    }

    @Test
    void theSameNameAndDateOfBirthWithAnotherNhsNumberIsA400NamingIt() throws Exception {
        LocalDate dob = born();
        String last = surname();
        ObjectNode first = referral("Robin", last, dob);
        child(first).put("nhsNumber", SyntheticIds.nhsNumber());
        refer(first);

        ObjectNode second = referral("Robin", last, dob);
        child(second).put("nhsNumber", SyntheticIds.nhsNumber());
        assertThat(refused(referring(second))).containsExactly("child.nhsNumber");
    }

    @Test
    void aWrongCheckDigitIsA400AtTheApiAndCreatesNothing() throws Exception {
        ObjectNode body = referral("Robin", surname(), born());
        child(body).put("nhsNumber", SyntheticIds.wrongCheckDigit(SyntheticIds.nhsNumber()));
        assertThat(refused(referring(body))).containsExactly("child.nhsNumber");

        ObjectNode upn = referral("Robin", surname(), born());
        String good = SyntheticIds.upn();
        child(upn).put("upn", (good.charAt(0) == 'A' ? "B" : "A") + good.substring(1));
        assertThat(refused(referring(upn))).containsExactly("child.upn");
    }

    private ObjectNode missingReport(String first, String last, LocalDate dob) {
        ObjectNode body = json.createObjectNode();
        ObjectNode child = body.putObject("child");
        child.put("firstName", first);
        child.put("lastName", last);
        child.put("dateOfBirth", dob.toString());
        body.put("missingSince", Now.instant().minus(Duration.ofHours(2)).toString());
        body.put("policeReference", "NP/ID/" + LETTERS.nextInt(1_000_000));
        body.put("policeRisk", "LOW");
        body.put("episodeType", "MISSING_FROM_HOME");
        return body;
    }

    @Test
    void aMissingReportByTheApiJoinsByIdentifierAndIsRefusedLikeAReferral() throws Exception {
        LocalDate dob = born();
        ObjectNode first = referral("Robin", surname(), dob);
        String upn = SyntheticIds.upn();
        String police = SyntheticIds.policePersonId();
        child(first).put("upn", upn);
        String caseId = refer(first);

        ObjectNode report = missingReport("Robbie", surname(), dob);
        child(report).put("upn", upn);
        child(report).put("policePersonId", police);
        child(report).putArray("knownAs").addObject().put("firstName", "Bobbi");
        MockHttpServletResponse answer = send("/api/missing-episodes", report, "police-worker");
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        assertThat(json.readTree(answer.getContentAsString()).get("caseId").asText())
                .isEqualTo(caseId);
        JsonNode view = caseView(caseId, "health-worker");
        assertThat(view.get("child").get("policePersonId").asText())
                .as("the case gains the police person id")
                .isEqualTo(police);
        assertThat(knownAs(view)).contains("Bobbi").anyMatch(n -> n.startsWith("Robbie "));

        ObjectNode bad = missingReport("Robbie", surname(), dob);
        child(bad).put("nhsNumber", SyntheticIds.wrongCheckDigit(SyntheticIds.nhsNumber()));
        assertThat(refused(() -> {
                    try {
                        return send("/api/missing-episodes", bad, "police-worker");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .containsExactly("child.nhsNumber");
    }

    @Test
    void theMessagesTakeIdentifiersAsTheApiDoes() throws Exception {
        LocalDate dob = born();
        ObjectNode first = referral("Robin", surname(), dob);
        String la = SyntheticIds.localAuthorityChildId();
        child(first).put("localAuthorityChildId", la);
        String caseId = refer(first);

        // CseReferralReceived under another name, with the local authority's id: joins
        ObjectNode byMessage = referral("Robyn", surname(), dob);
        child(byMessage).put("localAuthorityChildId", la);
        String reference = runtimeService
                .createMessageCorrelation("CseReferralReceived")
                .setVariable("referral", json.writeValueAsString(byMessage))
                .correlateStartMessage()
                .getBusinessKey();
        assertThat(jdbc.queryForObject("select case_id from pw_referral where reference = ?", String.class, reference))
                .isEqualTo(caseId);

        // a wrong check digit fails the correlation, naming the field, and creates nothing
        ObjectNode bad = referral("Robyn", surname(), dob);
        child(bad).put("nhsNumber", SyntheticIds.wrongCheckDigit(SyntheticIds.nhsNumber()));
        int referrals = count("pw_referral");
        assertThatThrownBy(() -> runtimeService
                        .createMessageCorrelation("CseReferralReceived")
                        .setVariable("referral", json.writeValueAsString(bad))
                        .correlateStartMessage())
                .hasMessageContaining("referral.child.nhsNumber");
        // another date of birth for the local authority's id: refused too
        ObjectNode otherBirthday = referral("Robyn", surname(), dob.minusDays(3));
        child(otherBirthday).put("localAuthorityChildId", la);
        assertThatThrownBy(() -> runtimeService
                        .createMessageCorrelation("CseReferralReceived")
                        .setVariable("referral", json.writeValueAsString(otherBirthday))
                        .correlateStartMessage())
                .hasMessageContaining("referral.child.dateOfBirth");
        assertThat(count("pw_referral")).isEqualTo(referrals);

        // MissingReported with the local authority's id: joins
        ObjectNode report = missingReport("Robyn", surname(), dob);
        child(report).put("localAuthorityChildId", la.toLowerCase());
        String episode = runtimeService
                .createMessageCorrelation("MissingReported")
                .setVariable("missingReport", json.writeValueAsString(report))
                .correlateStartMessage()
                .getBusinessKey();
        assertThat(jdbc.queryForObject(
                        "select case_id from pw_missing_episode where reference = ?", String.class, episode))
                .isEqualTo(caseId);
    }

    private MockHttpServletRequestBuilder referralPage(MockHttpSession session, String last, LocalDate dob) {
        return post("/referrals/new")
                .session(session)
                .with(csrf())
                .param("child.firstName", "Robin")
                .param("child.lastName", last)
                .param("dob.day", String.valueOf(dob.getDayOfMonth()))
                .param("dob.month", String.valueOf(dob.getMonthValue()))
                .param("dob.year", String.valueOf(dob.getYear()))
                .param("child.lookedAfter", "no")
                .param("referrer.agency", "education")
                .param("referrer.name", "Sam Example")
                .param("referrer.email", "sam.example@school.example")
                .param("concerns", "Synthetic concern written for a test.");
    }

    @Test
    void theMakeAReferralPageTakesIdentifiersAndKnownAsNamesAndShowsTheirMistakes() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "education-worker");
        LocalDate dob = born();
        String nhs = SyntheticIds.nhsNumber();
        ObjectNode first = referral("Robin", surname(), dob);
        child(first).put("nhsNumber", nhs);
        String caseId = refer(first);
        int referrals = count("pw_referral");

        String wrong = mvc.perform(referralPage(session, surname(), dob)
                        .param("child.nhsNumber", SyntheticIds.wrongCheckDigit(nhs))
                        .param("child.knownAs", "Robyn Sample\nR0byn"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong)
                .contains("There is a problem")
                .contains("<a href=\"#child-nhsNumber\">")
                .contains("its check digit is wrong")
                .contains("<a href=\"#child-knownAs\">Other name on line 2:");
        assertThat(count("pw_referral")).isEqualTo(referrals);

        String otherBirthday = mvc.perform(
                        referralPage(session, surname(), dob.minusDays(2)).param("child.nhsNumber", nhs))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(otherBirthday).contains("There is a problem").contains("another date of birth");
        assertThat(count("pw_referral")).isEqualTo(referrals);

        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        mvc.perform(referralPage(session, surname(), dob)
                        .param("child.nhsNumber", spaced)
                        .param("child.knownAs", "Robyn Sample\n  \nBobbi"))
                .andReturn();
        assertThat(count("pw_referral")).isEqualTo(referrals + 1);
        assertThat(jdbc.queryForObject(
                        "select case_id from pw_referral order by received_at desc, reference desc limit 1",
                        String.class))
                .isEqualTo(caseId);
        assertThat(knownAs(caseView(caseId, "health-worker"))).contains("Robyn Sample", "Bobbi");
    }

    @Test
    void theReportAMissingChildPageTakesIdentifiers() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, "police-worker");
        LocalDate dob = born();
        String upn = SyntheticIds.upn();
        ObjectNode first = referral("Robin", surname(), dob);
        child(first).put("upn", upn);
        String caseId = refer(first);
        int episodes = count("pw_missing_episode");
        ZonedDateTime seen = Now.instant().minus(Duration.ofHours(3)).atZone(Now.UK);

        mvc.perform(post("/missing-episodes/new")
                        .session(session)
                        .with(csrf())
                        .param("child.firstName", "Robbie")
                        .param("child.lastName", surname())
                        .param("dob.day", String.valueOf(dob.getDayOfMonth()))
                        .param("dob.month", String.valueOf(dob.getMonthValue()))
                        .param("dob.year", String.valueOf(dob.getYear()))
                        .param("child.lookedAfter", "no")
                        .param("child.upn", upn)
                        .param("seen.day", String.valueOf(seen.getDayOfMonth()))
                        .param("seen.month", String.valueOf(seen.getMonthValue()))
                        .param("seen.year", String.valueOf(seen.getYear()))
                        .param("seen.time", "%d:%02d".formatted(seen.getHour(), seen.getMinute()))
                        .param("policeReference", "NP/ID/" + LETTERS.nextInt(1_000_000))
                        .param("policeRisk", "LOW")
                        .param("episodeType", "MISSING_FROM_HOME")
                        .param("outOfArea", "no"))
                .andReturn();

        assertThat(count("pw_missing_episode")).isEqualTo(episodes + 1);
        assertThat(caseView(caseId, "health-worker").get("missingEpisodes").size())
                .as("the episode joined the case by the UPN")
                .isEqualTo(1);
    }

    @Test
    void aReferralInAKnownAsNameFindsTheChildAsAPossibleDuplicate() throws Exception {
        LocalDate dob = born();
        String last = surname();
        String alias = surname();
        ObjectNode first = referral("Robin", last, dob);
        child(first).putArray("knownAs").addObject().put("firstName", "Jaz").put("lastName", alias);
        String caseId = refer(first);

        String later = refer(referral("Jaz", alias, dob));

        assertThat(later).as("a known-as name does not join by itself").isNotEqualTo(caseId);
        assertThat(duplicates.of(later)).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo(caseId);
            assertThat(c.reasons()).contains("known as Jaz " + alias, "the same first name");
            assertThat(c.score()).isEqualTo(100);
        });
        assertThat(duplicates.of(caseId))
                .as("and the other way round")
                .singleElement()
                .satisfies(c -> assertThat(c.reasons()).contains("this child is known as Jaz " + alias));
    }
}
