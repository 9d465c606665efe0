package uk.pathways.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.support.DatabaseScan;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * Subjects of concern (issue 17, ADR 15) through the API and the pages with a real engine: the police record a person
 * and a location and link both to two children; the person is the police's alone at every door (API, pages, the case
 * view, the case's audit trail, and no engine table holds it, so /engine-rest and /camunda/api cannot give it away);
 * an involved agency sees the location on the child's case, an uninvolved one sees none of its links; bad input is 400
 * naming the field and changes nothing; every read and refusal is audited.
 */
@PathwaysTest
class SubjectsTest {

    @Autowired
    Pathway pathway;

    @Autowired
    CaseAccess access;

    @Autowired
    Subjects subjects;

    @Autowired
    AuditTrail audit;

    @Autowired
    uk.pathways.casefile.CaseMerges merges;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    WebApplicationContext context;

    final ObjectMapper json = new ObjectMapper();

    MockMvc mvc() {
        return Pages.mvc(context);
    }

    /** A case referred by education, which the police are then given access to (as a manager would grant). */
    String caseWithPolice() {
        String caseId = pathway.refer(14, List.of()).caseId();
        long asked = access.requestAccess(caseId, "police-worker", "Synthetic: police intelligence on the child");
        access.grantAccess(caseId, asked, "mash-manager");
        return caseId;
    }

    MockHttpServletResponse call(String method, String path, String user, Object body) throws Exception {
        var request = "GET".equals(method) ? get(path) : post(path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc().perform(request.with(httpBasic(user, Pages.PASSWORD)))
                .andReturn()
                .getResponse();
    }

    JsonNode ok(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return json.readTree(response.getContentAsString());
    }

    static String unique(String text) {
        return text + " " + Long.toString(System.nanoTime(), 36);
    }

    int subjectsOnRecord() {
        return jdbc.queryForObject("select count(*) from pw_subject", Integer.class)
                + jdbc.queryForObject("select count(*) from pw_subject_link", Integer.class)
                + jdbc.queryForObject("select count(*) from pw_subject_escalation", Integer.class);
    }

    int audited(String user, String action, String resource) {
        return jdbc.queryForObject(
                "select count(*) from pw_audit where user_id = ? and action = ? and resource = ?",
                Integer.class,
                user,
                action,
                resource);
    }

    @Test
    void aPersonAndALocationLinkedToTwoChildrenAreReadWithinNeedToKnow() throws Exception {
        String first = caseWithPolice();
        String second = caseWithPolice();
        String personName = unique("Synthetic Suspect");
        String placeName = unique("Synthetic Takeaway, 1 Example Street");

        JsonNode person = ok(
                call(
                        "POST",
                        "/api/subjects",
                        "police-worker",
                        Map.of(
                                "kind", "PERSON",
                                "category", "SUSPECT",
                                "label", personName,
                                "description", "Synthetic: seen collecting children from school",
                                "district", "Corby")),
                201);
        String personId = person.path("subjectId").asText();
        assertThat(personId).matches("SUB-\\d{6}");
        assertThat(person.path("policeOnly").asBoolean())
                .as("a person is police-only by default")
                .isTrue();
        JsonNode place = ok(
                call(
                        "POST",
                        "/api/subjects",
                        "police-worker",
                        Map.of(
                                "kind",
                                "location",
                                "category",
                                "TAKEAWAY",
                                "label",
                                placeName,
                                "district",
                                "Corby",
                                "latitude",
                                52.4914,
                                "longitude",
                                -0.688)),
                201);
        String placeId = place.path("subjectId").asText();
        assertThat(place.path("policeOnly").asBoolean()).isFalse();
        assertThat(place.path("kind").asText()).isEqualTo("LOCATION");

        for (String caseId : List.of(first, second)) {
            for (String id : List.of(personId, placeId)) {
                ok(
                        call(
                                "POST",
                                "/api/subjects/" + id + "/links",
                                "police-worker",
                                Map.of("caseId", caseId, "reason", "Synthetic: the child was seen with or at it")),
                        201);
            }
        }
        assertThat(call(
                                "POST",
                                "/api/subjects/" + placeId + "/links",
                                "police-worker",
                                Map.of("caseId", first, "reason", "Again"))
                        .getStatus())
                .as("a link made twice")
                .isEqualTo(409);

        // the police: both subjects on both children's cases (API and page), and both children on the subject
        for (String caseId : List.of(first, second)) {
            JsonNode view = ok(call("GET", "/api/cases/" + caseId, "police-worker", null), 200);
            List<String> labels = new ArrayList<>();
            view.path("subjectsOfConcern")
                    .forEach(l -> labels.add(l.path("label").asText()));
            assertThat(labels).containsExactlyInAnyOrder(personName, placeName);
            String page = mvc().perform(get("/cases/" + caseId).session(Pages.signIn(mvc(), "police-worker")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(personName, placeName, "/subjects/" + personId);
        }
        JsonNode investigator = ok(call("GET", "/api/subjects/" + personId, "police-worker", null), 200);
        assertThat(investigator.path("cases").findValuesAsText("caseId")).containsExactly(first, second);
        assertThat(investigator.path("cases").get(0).path("childName").asText()).matches("\\w+ T\\.");
        String investigatorPage = mvc().perform(
                        get("/subjects/" + personId).session(Pages.signIn(mvc(), "police-worker")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(investigatorPage).contains(personName, first, second, "Synthetic: seen collecting children");

        // education referred both children: the location on both cases, never the person, not even a trace of it
        for (String caseId : List.of(first, second)) {
            MockHttpServletResponse view = call("GET", "/api/cases/" + caseId, "education-worker", null);
            JsonNode read = ok(view, 200);
            assertThat(read.path("subjectsOfConcern").findValuesAsText("label")).containsExactly(placeName);
            assertThat(view.getContentAsString()).doesNotContain(personName, personId);
            String page = mvc().perform(get("/cases/" + caseId).session(Pages.signIn(mvc(), "education-worker")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(placeName).doesNotContain(personName, personId);
        }
        assertThat(call("GET", "/api/subjects/" + personId, "education-worker", null)
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc().perform(get("/subjects/" + personId).session(Pages.signIn(mvc(), "education-worker")))
                        .andReturn()
                        .getResponse())
                .satisfies(r -> {
                    assertThat(r.getStatus()).isEqualTo(403);
                    assertThat(r.getContentAsString()).doesNotContain(personName);
                });
        assertThat(ok(call("GET", "/api/subjects?q=" + personName.substring(18), "education-worker", null), 200))
                .as("a search finds no police-only subject for others")
                .isEmpty();
        assertThat(ok(call("GET", "/api/subjects?q=" + personName.substring(18), "police-worker", null), 200)
                        .findValuesAsText("subjectId"))
                .containsExactly(personId);
        JsonNode placeForEducation = ok(call("GET", "/api/subjects/" + placeId, "education-worker", null), 200);
        assertThat(placeForEducation.path("cases").findValuesAsText("caseId")).containsExactly(first, second);

        // health is involved in neither child: the location, with none of its links; the cases refused
        JsonNode placeForHealth = ok(call("GET", "/api/subjects/" + placeId, "health-worker", null), 200);
        assertThat(placeForHealth.path("cases")).isEmpty();
        assertThat(call("GET", "/api/subjects/" + personId, "health-worker", null)
                        .getStatus())
                .isEqualTo(403);
        assertThat(call(
                                "POST",
                                "/api/subjects/" + placeId + "/links",
                                "health-worker",
                                Map.of("caseId", first, "reason", "Synthetic"))
                        .getStatus())
                .as("a link to a case the caller's agency is not involved in")
                .isEqualTo(403);
        // performance sees figures, never a subject
        assertThat(call("GET", "/api/subjects/" + placeId, "performance-reader", null)
                        .getStatus())
                .isEqualTo(403);
        assertThat(call("GET", "/api/subjects", "performance-reader", null).getStatus())
                .isEqualTo(403);

        // audited: reads and refusals; a case's trail (read by every involved agency's managers) never names the person
        assertThat(audited("police-worker", AuditEntry.READ, "subject " + personId))
                .isGreaterThanOrEqualTo(2);
        assertThat(audited("education-worker", AuditEntry.ACCESS_REFUSED, "subject " + personId))
                .isEqualTo(2);
        assertThat(audited("health-worker", AuditEntry.ACCESS_REFUSED, "subject " + personId))
                .isEqualTo(1);
        assertThat(audited("performance-reader", AuditEntry.ACCESS_REFUSED, "subject " + placeId))
                .isEqualTo(1);
        assertThat(audited("education-worker", AuditEntry.READ, "subject " + placeId))
                .isGreaterThanOrEqualTo(1);
        for (String caseId : List.of(first, second)) {
            assertThat(audit.ofCase(caseId))
                    .noneMatch(e -> String.valueOf(e.resource()).contains(personId)
                            || String.valueOf(e.detail()).contains(personId))
                    .anyMatch(e -> String.valueOf(e.resource()).contains(placeId));
            MockHttpServletResponse trail = call("GET", "/api/cases/" + caseId + "/audit", "education-manager", null);
            assertThat(trail.getStatus()).isEqualTo(200);
            assertThat(trail.getContentAsString()).doesNotContain(personId, personName);
        }

        // nothing of a subject in the engine: no variable or history detail, so no engine door can show it
        assertThat(DatabaseScan.holding(dataSource, DatabaseScan.ENGINE, personName))
                .isEmpty();
        assertThat(DatabaseScan.holding(dataSource, DatabaseScan.ENGINE, placeName))
                .isEmpty();
        assertThat(DatabaseScan.holding(dataSource, DatabaseScan.ENGINE, personId))
                .isEmpty();
    }

    @Test
    void aVehicleFromACaseIsRaisedToHighAndAssociatedByThePolice() throws Exception {
        String caseId = caseWithPolice();
        Instant before = Now.instant().minusSeconds(1);
        // education (involved) records a vehicle from the child's case: the registration kept without spaces
        JsonNode vehicle = ok(
                call(
                        "POST",
                        "/api/subjects",
                        "education-worker",
                        Map.of(
                                "kind", "VEHICLE",
                                "category", "TAXI",
                                "label", "sy26 abc",
                                "description", "Synthetic: white saloon, private hire plate",
                                "caseId", caseId,
                                "reason", "Synthetic: collects the child after school")),
                201);
        String vehicleId = vehicle.path("subjectId").asText();
        assertThat(vehicle.path("label").asText()).isEqualTo("SY26ABC");
        assertThat(vehicle.path("recordedAgency").asText()).isEqualTo("education");
        assertThat(ok(call("GET", "/api/subjects?q=sy26 abc&kind=VEHICLE", "education-worker", null), 200)
                        .findValuesAsText("subjectId"))
                .contains(vehicleId);
        assertThat(ok(call("GET", "/api/cases/" + caseId, "education-worker", null), 200)
                        .path("subjectsOfConcern")
                        .findValuesAsText("reason"))
                .containsExactly("Synthetic: collects the child after school");

        // the police link a person to it; education never sees that association
        String personId = ok(
                        call(
                                "POST",
                                "/api/subjects",
                                "police-worker",
                                Map.of("kind", "PERSON", "category", "ASSOCIATE", "label", unique("Synthetic Driver"))),
                        201)
                .path("subjectId")
                .asText();
        assertThat(call(
                                "POST",
                                "/api/subjects/" + vehicleId + "/links",
                                "education-worker",
                                Map.of("subjectId", personId, "reason", "Synthetic"))
                        .getStatus())
                .as("only the police link subjects")
                .isEqualTo(403);
        JsonNode linked = ok(
                call(
                        "POST",
                        "/api/subjects/" + vehicleId + "/links",
                        "police-worker",
                        Map.of("subjectId", personId, "reason", "Synthetic: drives it")),
                201);
        assertThat(linked.path("associates").findValuesAsText("subjectId")).containsExactly(personId);
        assertThat(ok(call("GET", "/api/subjects/" + personId, "police-worker", null), 200)
                        .path("associates")
                        .findValuesAsText("subjectId"))
                .as("an association is read from either end")
                .containsExactly(vehicleId);
        assertThat(ok(call("GET", "/api/subjects/" + vehicleId, "education-worker", null), 200)
                        .path("associates"))
                .isEmpty();

        // raised to HIGH with its reason: read back on the subject, and on the panel's list for both
        JsonNode raised = ok(
                call(
                        "POST",
                        "/api/subjects/" + vehicleId + "/escalation",
                        "education-worker",
                        Map.of("reason", "Synthetic: seen with three more children")),
                200);
        assertThat(raised.path("subject").path("concernLevel").asText()).isEqualTo("HIGH");
        assertThat(raised.path("subject").path("escalatedAt").asText()).isNotBlank();
        assertThat(raised.path("escalations").findValuesAsText("reason"))
                .containsExactly("Synthetic: seen with three more children");
        assertThat(call(
                                "POST",
                                "/api/subjects/" + vehicleId + "/escalation",
                                "police-worker",
                                Map.of("reason", "Again"))
                        .getStatus())
                .isEqualTo(409);
        assertThat(subjects.newOrEscalatedSince(before, "education-worker"))
                .extracting(Subject::subjectId)
                .contains(vehicleId)
                .doesNotContain(personId);
        assertThat(subjects.newOrEscalatedSince(before, "police-worker"))
                .extracting(Subject::subjectId)
                .contains(vehicleId, personId);
        assertThat(subjects.newOrEscalatedSince(before, "performance-reader")).isEmpty();
        String page = mvc().perform(get("/subjects/" + vehicleId).session(Pages.signIn(mvc(), "education-worker")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("SY26ABC", "Synthetic: seen with three more children", "High", caseId);
    }

    @Test
    void badInputIs400NamingTheFieldAndChangesNothing() throws Exception {
        String caseId = caseWithPolice();
        String placeId = ok(
                        call(
                                "POST",
                                "/api/subjects",
                                "police-worker",
                                Map.of("kind", "LOCATION", "category", "PARK", "label", unique("Synthetic Park"))),
                        201)
                .path("subjectId")
                .asText();
        int before = subjectsOnRecord();
        Object[][] cases = {
            {"POST", "/api/subjects", "police-worker", Map.of("category", "PARK", "label", "x"), "kind"},
            {"POST", "/api/subjects", "police-worker", Map.of("kind", "BOAT", "label", "x"), "kind"},
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "LOCATION", "category", "SUSPECT", "label", "x"),
                "category"
            },
            {"POST", "/api/subjects", "police-worker", Map.of("kind", "LOCATION", "category", "PARK"), "label"},
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "VEHICLE", "category", "CAR", "label", "A-1 !"),
                "label"
            },
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "LOCATION", "category", "PARK", "label", "x", "latitude", 52.1),
                "longitude"
            },
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "LOCATION", "category", "PARK", "label", "x", "latitude", 95, "longitude", 1),
                "latitude"
            },
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "LOCATION", "category", "PARK", "label", "x", "latitude", "north", "longitude", 1),
                "latitude"
            },
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "LOCATION", "category", "PARK", "label", "x", "colour", "red"),
                "colour"
            },
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "LOCATION", "category", "PARK", "label", "x", "caseId", caseId),
                "reason"
            },
            {
                "POST",
                "/api/subjects",
                "police-worker",
                Map.of("kind", "LOCATION", "category", "PARK", "label", "x".repeat(201)),
                "label"
            },
            {
                "POST",
                "/api/subjects",
                "education-worker",
                Map.of("kind", "LOCATION", "category", "PARK", "label", "x"),
                "caseId"
            },
            {
                "POST",
                "/api/subjects",
                "education-worker",
                Map.of(
                        "kind",
                        "LOCATION",
                        "category",
                        "PARK",
                        "label",
                        "x",
                        "policeOnly",
                        true,
                        "caseId",
                        caseId,
                        "reason",
                        "r"),
                "policeOnly"
            },
            {"POST", "/api/subjects/" + placeId + "/links", "police-worker", Map.of("caseId", caseId), "reason"},
            {"POST", "/api/subjects/" + placeId + "/links", "police-worker", Map.of("reason", "r"), "caseId"},
            {
                "POST",
                "/api/subjects/" + placeId + "/links",
                "police-worker",
                Map.of("caseId", caseId, "subjectId", placeId, "reason", "r"),
                "caseId"
            },
            {
                "POST",
                "/api/subjects/" + placeId + "/links",
                "police-worker",
                Map.of("subjectId", placeId, "reason", "r"),
                "subjectId"
            },
            {
                "POST",
                "/api/subjects/" + placeId + "/links",
                "police-worker",
                Map.of("subjectId", "SUB-999999", "reason", "r"),
                "subjectId"
            },
            {"POST", "/api/subjects/" + placeId + "/escalation", "police-worker", Map.of("reason", " "), "reason"},
            {"POST", "/api/subjects/" + placeId + "/escalation", "police-worker", Map.of("why", "r"), "why"},
            {"GET", "/api/subjects?kind=BOAT", "police-worker", null, "kind"},
        };
        for (Object[] c : cases) {
            MockHttpServletResponse answer = call((String) c[0], (String) c[1], (String) c[2], c[3]);
            assertThat(answer.getStatus()).as("%s %s", c[1], c[3]).isEqualTo(400);
            assertThat(answer.getContentType()).isEqualTo("application/problem+json");
            assertThat(json.readTree(answer.getContentAsString()).path("errors").findValuesAsText("field"))
                    .as("%s %s", c[1], c[3])
                    .contains((String) c[4]);
        }
        MockHttpServletResponse person = call(
                "POST",
                "/api/subjects",
                "education-worker",
                Map.of("kind", "PERSON", "category", "SUSPECT", "label", "x"));
        assertThat(person.getStatus()).as("only the police record persons").isEqualTo(403);
        assertThat(person.getContentType()).isEqualTo("application/problem+json");
        assertThat(call("GET", "/api/subjects/SUB-999999", "police-worker", null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(subjectsOnRecord()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void thePagesSayAtTheFieldWhatIsWrongAndChangeNothing() throws Exception {
        String caseId = caseWithPolice();
        String elsewhere = pathway.refer(13, List.of()).caseId();
        int before = subjectsOnRecord();
        var education = Pages.signIn(mvc(), "education-worker");
        Map<String, String> location = Map.of("kind", "LOCATION", "category", "PARK", "label", "Synthetic Park");
        Object[][] cases = {
            {Map.of(), "Choose the kind"},
            {Map.of("caseId", ""), "Record a location or vehicle from the case of a child"},
            {Map.of("caseId", "CASE-1999-999999", "reason", "r"), "There is no case CASE-1999-999999"},
            {Map.of("caseId", caseId), "Enter why the subject is linked"},
            {Map.of("kind", "PERSON", "category", "SUSPECT", "caseId", caseId, "reason", "r"), null},
        };
        for (Object[] c : cases) {
            var request = post("/subjects")
                    .session(education)
                    .with(
                            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .csrf());
            Map<String, String> form = new java.util.HashMap<>(c[0] == cases[0][0] ? Map.of() : location);
            form.putAll(castMap(c[0]));
            for (Map.Entry<String, String> field : form.entrySet()) {
                request = request.param(field.getKey(), field.getValue());
            }
            MockHttpServletResponse page = mvc().perform(request).andReturn().getResponse();
            if (c[1] == null) {
                assertThat(page.getStatus()).as("a person by education").isEqualTo(403);
            } else {
                assertThat(page.getStatus()).as(form.toString()).isEqualTo(200);
                assertThat(page.getContentAsString())
                        .contains("govuk-error-summary")
                        .contains((String) c[1]);
            }
        }
        // health is involved in neither case: told so at the field, audited as a refusal of the case
        var health = Pages.signIn(mvc(), "health-worker");
        MockHttpServletResponse refused = mvc().perform(
                        post("/subjects")
                                .session(health)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("kind", "LOCATION")
                                .param("category", "PARK")
                                .param("label", "Synthetic Park")
                                .param("caseId", elsewhere)
                                .param("reason", "Synthetic"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("Your agency is not involved in case " + elsewhere);
        assertThat(audit.ofCase(elsewhere))
                .anyMatch(e -> "health-worker".equals(e.userId()) && AuditEntry.ACCESS_REFUSED.equals(e.action()));
        assertThat(subjectsOnRecord()).as("nothing changed").isEqualTo(before);
        // the investigator's page links a subject to a case and raises its concern through its forms
        var police = Pages.signIn(mvc(), "police-worker");
        String placeId = ok(
                        call(
                                "POST",
                                "/api/subjects",
                                "police-worker",
                                Map.of("kind", "LOCATION", "category", "HOTEL", "label", unique("Synthetic Hotel"))),
                        201)
                .path("subjectId")
                .asText();
        MockHttpServletResponse wrong = mvc().perform(
                        post("/subjects/" + placeId + "/links")
                                .session(police)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("to", "case")
                                .param("link.caseId", "CASE-1999-999999")
                                .param("reason", "Synthetic: seen there"))
                .andReturn()
                .getResponse();
        assertThat(wrong.getStatus()).isEqualTo(200);
        assertThat(wrong.getContentAsString()).contains("There is no case CASE-1999-999999", "Synthetic: seen there");
        MockHttpServletResponse linked = mvc().perform(
                        post("/subjects/" + placeId + "/links")
                                .session(police)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("to", "case")
                                .param("link.caseId", caseId)
                                .param("reason", "Synthetic: seen there"))
                .andReturn()
                .getResponse();
        assertThat(linked.getRedirectedUrl()).isEqualTo("/subjects/" + placeId);
        MockHttpServletResponse raised = mvc().perform(
                        post("/subjects/" + placeId + "/escalation")
                                .session(police)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("reason", "Synthetic: three children seen there"))
                .andReturn()
                .getResponse();
        assertThat(raised.getRedirectedUrl()).isEqualTo("/subjects/" + placeId);
        JsonNode read = ok(call("GET", "/api/subjects/" + placeId, "police-worker", null), 200);
        assertThat(read.path("cases").findValuesAsText("caseId")).containsExactly(caseId);
        assertThat(read.path("subject").path("concernLevel").asText()).isEqualTo("HIGH");

        // performance reads no subject page
        assertThat(mvc().perform(get("/subjects").session(Pages.signIn(mvc(), "performance-reader")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void aChildsLinksFollowAMergeOfTheirCasesAndGoBackOnItsUndo() throws Exception {
        String surviving = caseWithPolice();
        String merged = caseWithPolice();
        String placeId = ok(
                        call(
                                "POST",
                                "/api/subjects",
                                "police-worker",
                                Map.of(
                                        "kind", "LOCATION",
                                        "category", "ADDRESS",
                                        "label", unique("Synthetic Address"),
                                        "caseId", merged,
                                        "reason", "Synthetic: the child stayed there")),
                        201)
                .path("subjectId")
                .asText();

        var merge = merges.merge(surviving, merged, "Synthetic: the same child", "mash-manager");
        assertThat(subjects.linksOfCase(surviving, "police-worker"))
                .extracting(LinkOfCase::subjectId)
                .containsExactly(placeId);
        assertThat(subjects.linksOfCase(merged, "police-worker")).isEmpty();
        assertThat(ok(call("GET", "/api/subjects/" + placeId, "police-worker", null), 200)
                        .path("cases")
                        .findValuesAsText("caseId"))
                .containsExactly(surviving);

        merges.undo(surviving, merge.id(), "Synthetic: not the same child after all", "mash-manager");
        assertThat(subjects.linksOfCase(merged, "police-worker"))
                .extracting(LinkOfCase::subjectId)
                .containsExactly(placeId);
        assertThat(subjects.linksOfCase(surviving, "police-worker")).isEmpty();
    }

    @Test
    void anIdTakenByASubjectWrittenStraightIntoTheTablesIsNeverIssuedAgain() throws Exception {
        // the synthetic history writes pw_subject directly, with ids of its own
        long counter = jdbc.queryForObject("select last_value from pw_subject_counter where id = 1", Long.class);
        String taken = String.format("SUB-%06d", counter + 3);
        jdbc.update("""
                insert into pw_subject (subject_id, kind, label, category, police_only, concern_level, recorded_by,
                    recorded_agency, recorded_at)
                values (?, 'LOCATION', 'Synthetic generated park', 'PARK', false, 'STANDARD', 'gen-police-worker',
                    'police', ?)""", taken, java.time.OffsetDateTime.now());
        String issued = ok(
                        call(
                                "POST",
                                "/api/subjects",
                                "police-worker",
                                Map.of("kind", "LOCATION", "category", "PARK", "label", unique("Synthetic Park"))),
                        201)
                .path("subjectId")
                .asText();
        assertThat(issued).isEqualTo(String.format("SUB-%06d", counter + 4));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object map) {
        return (Map<String, String>) map;
    }
}
