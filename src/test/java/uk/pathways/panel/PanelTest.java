package uk.pathways.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
import uk.pathways.panel.process.PanelProcess;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.strategymeeting.StrategyMeetings;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * The exploitation panel with the real engine on H2: the agenda holds the open cases at high risk, the subjects new or
 * escalated since the last panel (a police-only person for the police alone) and the overdue actions, and nothing
 * else of them; the co-chairs' task shows the agenda beside its form; the decisions and actions are recorded, each
 * action a meeting-action task for its owner with its date and escalation; need-to-know holds on the pages and the API;
 * the monthly timer starts a panel.
 */
@PathwaysTest
class PanelTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StrategyMeetings meetings;

    @Autowired
    ObjectMapper json;

    MockMvc mvc;

    @BeforeEach
    void pages() {
        mvc = Pages.mvc(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theAgendaHoldsTheHighRiskCasesTheNewAndEscalatedSubjectsAndTheOverdueActionsWithinNeedToKnow()
            throws Exception {
        ZonedDateTime t0 = start();
        ReferralAccepted high = pathway.refer(15, List.of());
        pathway.complete(
                high.caseId(),
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        ReferralAccepted low = pathway.refer(15, List.of());
        pathway.complete(
                low.caseId(),
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", false, "learningDisability", false));
        // an action of a strategy meeting on the low-risk case, past its date
        String meetingId = "test-meeting-" + ThreadLocalRandom.current().nextInt(1_000_000);
        meetings.scheduled(meetingId, low.caseId(), low.reference(), Now.instant(), List.of("police"), List.of());
        String overdue = meetings.agree(
                meetingId,
                low.caseId(),
                low.reference(),
                1,
                "health",
                "Book the sexual health appointment (synthetic)",
                Now.instant().minus(Duration.ofDays(2)));
        // an old subject that stays standard: never on the agenda
        String old = subject("LOCATION", "Old Mill Car Park (synthetic)", false, t0.minusDays(60), null);

        // the last panel before: subjects recorded before it are not new to the next one
        JsonNode before = schedule("police-manager", 201);
        Pathway.at(t0.plusMinutes(1));
        String person = subject("PERSON", "Dee Synthetic-Suspect", true, t0.plusMinutes(1), null);
        String hotel = subject("LOCATION", "Hotel Synthetica, Station Road", false, t0.plusMinutes(1), null);
        String vehicle = subject("VEHICLE", "SY26 NTH", false, t0.minusDays(60), t0.plusMinutes(1));
        Pathway.at(t0.plusMinutes(2));
        JsonNode panel = schedule("childrens-services-manager", 201);
        String panelId = panel.path("panelId").asText();
        assertThat(panel.path("reference").asText()).startsWith("MACE-");
        assertThat(panel.path("since").asText())
                .isEqualTo(before.path("preparedAt").asText());

        // the police read every item
        JsonNode police = read("police-worker", panelId);
        assertThat(subjectsOf(police, "SUBJECT_NEW")).containsExactlyInAnyOrder(person, hotel);
        assertThat(subjectsOf(police, "SUBJECT_ESCALATED")).containsExactly(vehicle);
        assertThat(subjectsOf(police, "SUBJECT_NEW")).doesNotContain(old);
        List<String> cases = casesOf(police, "CASE_AT_HIGH_RISK");
        assertThat(cases).contains(high.caseId()).doesNotContain(low.caseId());
        // exactly the open cases at high risk: every case item is one, and every such case is an item
        assertThat(cases)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "select case_id from pw_case where status = 'OPEN' and risk_level = 'HIGH'", String.class));
        List<String> overdueActions = new ArrayList<>();
        police.path("agenda").forEach(i -> {
            if (i.path("kind").asText().equals("ACTION_OVERDUE")) {
                overdueActions.add(i.path("action").path("id").asText());
            }
        });
        assertThat(overdueActions)
                .contains(overdue)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "select id from pw_meeting_action where status = 'OPEN' and due_at < ?",
                        String.class,
                        Timestamp.from(Now.instant())));

        // the person of concern is the police's alone; the hotel and the vehicle are read by the panel's agencies;
        // the child's name only by an agency involved in the case
        JsonNode social = read("childrens-services-worker", panelId);
        assertThat(subjectsOf(social, "SUBJECT_NEW")).containsExactly(hotel);
        assertThat(subjectsOf(social, "SUBJECT_ESCALATED")).containsExactly(vehicle);
        assertThat(social.toString()).doesNotContain("Dee Synthetic-Suspect").doesNotContain(person);
        // MASH screened the child: involved, it reads the child's name
        JsonNode mash = read("mash-worker", panelId);
        assertThat(item(mash, high.caseId()).path("caseReadable").asBoolean()).isTrue();
        assertThat(item(mash, high.caseId()).path("child").asText()).endsWith(".");
        JsonNode missing = read("missing-coordinator-worker", panelId);
        assertThat(item(missing, high.caseId()).path("caseReadable").asBoolean())
                .isFalse();
        assertThat(absent(item(missing, high.caseId()).path("child"))).isTrue();
        assertThat(missing.toString()).doesNotContain("Dee Synthetic-Suspect");
        // the overdue action's words only to an agency that may read its case
        JsonNode overdueItem = null;
        for (JsonNode i : missing.path("agenda")) {
            if (i.path("action").path("id").asText().equals(overdue)) {
                overdueItem = i;
            }
        }
        assertThat(absent(overdueItem.path("action").path("description"))).isTrue();
        assertThat(overdueItem.path("action").path("owner").asText()).isEqualTo("Health");
        // not on the panel: the performance group; nor may a worker schedule one
        assertThat(status("performance-reader", get("/api/panels/" + panelId))).isEqualTo(403);
        assertThat(status("performance-reader", get("/api/panels"))).isEqualTo(403);
        schedule("mash-worker", 403);
        schedule("police-worker", 403);
        // every read of a child shown is in the case's audit trail
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where case_id = ? and user_id = ? and resource like ?",
                        Integer.class,
                        high.caseId(),
                        "mash-worker",
                        "exploitation panel%"))
                .isPositive();

        // the panel's page says the same
        String page = page("childrens-services-worker", get("/panels/" + panelId));
        assertThat(page).contains("Hotel Synthetica, Station Road").doesNotContain("Dee Synthetic-Suspect");
        assertThat(page("police-worker", get("/panels/" + panelId))).contains("Dee Synthetic-Suspect");
        assertThat(page("health-worker", get("/panels")))
                .contains(panel.path("reference").asText());
    }

    @Test
    void theCoChairsRecordDecisionsAndEachActionIsATaskForItsOwnerWithItsClock() throws Exception {
        ZonedDateTime t0 = start();
        ReferralAccepted high = pathway.refer(14, List.of());
        pathway.complete(
                high.caseId(),
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        schedule("police-manager", 201);
        Pathway.at(t0.plusMinutes(1));
        String person = subject("PERSON", "Lee Synthetic-Associate", true, t0.plusMinutes(1), null);
        Pathway.at(t0.plusMinutes(2));
        String panelId = schedule("police-manager", 201).path("panelId").asText();
        JsonNode agenda = read("police-worker", panelId);
        int caseItem = item(agenda, high.caseId()).path("position").asInt();
        int personItem = 0;
        for (JsonNode i : agenda.path("agenda")) {
            if (person.equals(i.path("subject").path("subjectId").asText())) {
                personItem = i.path("position").asInt();
            }
        }
        assertThat(personItem).isPositive();

        // the co-chairs' task: police and children's services, due on its clock, escalating when late
        Task chair = taskService
                .createTaskQuery()
                .processInstanceId(panelId)
                .taskDefinitionKey(PanelProcess.TASK_DECISIONS)
                .singleResult();
        assertThat(groups(chair)).containsExactlyInAnyOrder("police", "childrens-services");
        assertThat(chair.getDueDate()).isAfter(Date.from(Now.instant()));
        assertThat(pathway.clocks(panelId)).extracting(Job::getDuedate).contains(chair.getDueDate());

        // beside the form, the agenda as each co-chair may see it
        assertThat(page("police-worker", get("/tasks/" + chair.getId())))
                .contains("Lee Synthetic-Associate")
                .contains("name=\"decision1Item\"")
                .contains("name=\"decision1Text\"")
                .contains("name=\"action1Owner\"");
        assertThat(page("childrens-services-worker", get("/tasks/" + chair.getId())))
                .doesNotContain("Lee Synthetic-Associate")
                .contains(high.caseId());

        // children's services may not decide on the police-only item; nothing is recorded
        MvcResult refused = submit(
                "childrens-services-worker",
                post("/tasks/" + chair.getId())
                        .param("decision1Item", String.valueOf(personItem))
                        .param("decision1Text", "Refer to the disruption team (synthetic)"));
        assertThat(refused.getResponse().getContentAsString())
                .contains("There is a problem")
                .contains("for the police only");
        assertThat(taskService.createTaskQuery().taskId(chair.getId()).count()).isEqualTo(1);
        taskService.setAssignee(chair.getId(), null);

        // an action on the police-only item is the police's
        Instant socialDue = Now.instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        Instant policeDue = Now.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
        MvcResult wrongOwner = submit(
                "police-worker",
                when(
                        post("/tasks/" + chair.getId())
                                .param("action1Item", String.valueOf(personItem))
                                .param("action1Owner", "health")
                                .param("action1Description", "Visit the address (synthetic)"),
                        "action1Due",
                        policeDue.atZone(Now.UK).toLocalDateTime()));
        assertThat(wrongOwner.getResponse().getContentAsString()).contains("its actions are the police");

        MvcResult held = submit(
                "police-worker",
                when(
                        when(
                                post("/tasks/" + chair.getId())
                                        .param("decision1Item", String.valueOf(caseItem))
                                        .param("decision1Text", "Multi-agency safety plan to be reviewed (synthetic)")
                                        .param("decision2Item", String.valueOf(personItem))
                                        .param(
                                                "decision2Text",
                                                "Disruption: child abduction warning notice (synthetic)")
                                        .param("action1Item", String.valueOf(caseItem))
                                        .param("action1Owner", "childrens-services")
                                        .param("action1Description", "Review the safety plan with RISE (synthetic)")
                                        .param("action2Item", String.valueOf(personItem))
                                        .param("action2Owner", "police")
                                        .param("action2Description", "Serve the warning notice (synthetic)"),
                                "action1Due",
                                socialDue.atZone(Now.UK).toLocalDateTime()),
                        "action2Due",
                        policeDue.atZone(Now.UK).toLocalDateTime()));
        assertThat(held.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(panelId)
                        .count())
                .isZero();

        // each action is a meeting-action task for its owner, due on its date, with its escalation clock
        List<StrategyMeetings.Action> actions = meetings.actionsOfPanel(panelId);
        assertThat(actions).hasSize(2);
        Task social = actionTask(actions, "childrens-services");
        Task policeAction = actionTask(actions, "police");
        assertThat(social.getTaskDefinitionKey()).isEqualTo("meeting-action");
        assertThat(social.getDueDate()).isEqualTo(Date.from(socialDue));
        assertThat(policeAction.getDueDate()).isEqualTo(Date.from(policeDue));
        assertThat(pathway.tasks(high.caseId(), "meeting-action"))
                .extracting(Task::getId)
                .contains(social.getId());
        assertThat(pathway.clocks(policeAction.getProcessInstanceId()))
                .extracting(Job::getDuedate)
                .containsExactly(Date.from(policeDue));
        // nothing of the subject in the engine: the action on it carries ids only
        assertThat(runtimeService
                        .getVariables(policeAction.getProcessInstanceId())
                        .toString())
                .doesNotContain("Lee Synthetic-Associate")
                .doesNotContain("warning notice");

        // the case's agencies read the decision and the action on the case page and the API
        JsonNode view = caseView("childrens-services-worker", high.caseId());
        JsonNode onCase = view.path("exploitationPanels").get(0);
        assertThat(onCase.path("decision").asText()).isEqualTo("Multi-agency safety plan to be reviewed (synthetic)");
        assertThat(onCase.path("actions").get(0).path("description").asText())
                .isEqualTo("Review the safety plan with RISE (synthetic)");
        assertThat(page("childrens-services-worker", get("/cases/" + high.caseId())))
                .contains("Exploitation panel")
                .contains("Multi-agency safety plan to be reviewed (synthetic)");
        // the panel's page: the police-only decision to the police alone
        assertThat(page("police-worker", get("/panels/" + panelId)))
                .contains("Disruption: child abduction warning notice (synthetic)")
                .contains("Serve the warning notice (synthetic)");
        assertThat(page("childrens-services-worker", get("/panels/" + panelId)))
                .doesNotContain("child abduction warning notice")
                .doesNotContain("Serve the warning notice");

        // the police's action: the subject beside the form; late, it escalates to police managers
        assertThat(page("police-worker", get("/tasks/" + policeAction.getId())))
                .contains("Lee Synthetic-Associate")
                .contains("Serve the warning notice (synthetic)")
                .contains("Agreed at the exploitation panel");
        Pathway.at(policeDue.plus(Duration.ofMinutes(1)).atZone(Now.UK));
        assertThat(pathway.fireDueClocks(policeAction.getProcessInstanceId())).isEqualTo(1);
        assertThat(groups(taskService
                        .createTaskQuery()
                        .taskId(policeAction.getId())
                        .singleResult()))
                .containsExactlyInAnyOrder("police", "police-managers");
        assertThat(taskService.getVariableLocal(policeAction.getId(), "escalated"))
                .isEqualTo(true);

        // done: what the police did is read back on the panel (it has no case record)
        MvcResult done = submit(
                "police-worker",
                post("/tasks/" + policeAction.getId())
                        .param("actionDone", "Notice served on the associate (synthetic)"));
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(read("police-worker", panelId).toString()).contains("Notice served on the associate (synthetic)");
        assertThat(meetings.action(actions.stream()
                                .filter(a -> a.ownerAgency().equals("police"))
                                .findFirst()
                                .orElseThrow()
                                .id())
                        .orElseThrow()
                        .state())
                .isEqualTo(StrategyMeetings.DONE);
    }

    @Test
    void theMonthlyTimerPreparesAPanelOnTheConfiguredCycle() {
        Job timer = managementService.createJobQuery().processDefinitionKey(PanelProcess.KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null)
                .findFirst()
                .orElseThrow();
        // pathways.panel.cycle: 07:00 on the first of each month (the engine's zone)
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getHour()).isEqualTo(7);
        assertThat(due.getMinute()).isZero();

        start();
        long before = jdbc.queryForObject("select count(*) from pw_panel", Long.class);
        managementService.executeJob(timer.getId());
        assertThat(jdbc.queryForObject("select count(*) from pw_panel", Long.class))
                .isEqualTo(before + 1);
        String monthly = jdbc.queryForObject(
                "select panel_id from pw_panel order by prepared_at desc fetch first 1 rows only", String.class);
        assertThat(jdbc.queryForObject("select scheduled_by from pw_panel where panel_id = ?", String.class, monthly))
                .isNull();
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(monthly)
                        .taskDefinitionKey(PanelProcess.TASK_DECISIONS)
                        .count())
                .isEqualTo(1);
        // and the next month's is waiting
        assertThat(managementService.createJobQuery().processDefinitionKey(PanelProcess.KEY).timers().list().stream()
                        .filter(j -> j.getProcessInstanceId() == null)
                        .count())
                .isEqualTo(1);
    }

    // ---- helpers ----

    /** A time after every panel prepared so far, so that this test's panels are the latest. */
    private ZonedDateTime start() {
        Timestamp last = jdbc.queryForObject("select max(prepared_at) from pw_panel", Timestamp.class);
        Instant from = Now.instant();
        if (last != null && last.toInstant().isAfter(from)) {
            from = last.toInstant();
        }
        ZonedDateTime t0 =
                from.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).atZone(Now.UK);
        Pathway.at(t0);
        return t0;
    }

    private String subject(
            String kind, String label, boolean policeOnly, ZonedDateTime recorded, ZonedDateTime escalated) {
        String id = String.format("SUB-9%05d", ThreadLocalRandom.current().nextInt(100_000));
        jdbc.update(
                "insert into pw_subject (subject_id, kind, label, category, district, police_only, concern_level,"
                        + " escalated_at, recorded_by, recorded_agency, recorded_at)"
                        + " values (?, ?, ?, ?, 'Corby', ?, ?, ?, 'police-worker', 'police', ?)",
                id,
                kind,
                label,
                kind.equals("PERSON") ? "SUSPECT" : kind.equals("VEHICLE") ? "CAR" : "HOTEL",
                policeOnly,
                escalated == null ? "STANDARD" : "HIGH",
                escalated == null ? null : Timestamp.from(escalated.toInstant()),
                Timestamp.from(recorded.toInstant()));
        return id;
    }

    private JsonNode schedule(String user, int expected) throws Exception {
        MvcResult result = mvc.perform(post("/api/panels").with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s schedules a panel", user)
                .isEqualTo(expected);
        return expected == 201 ? json.readTree(result.getResponse().getContentAsString()) : null;
    }

    private JsonNode read(String user, String panelId) throws Exception {
        MvcResult result = mvc.perform(get("/api/panels/" + panelId).with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s reads the panel", user)
                .isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode caseView(String user, String caseId) throws Exception {
        MvcResult result = mvc.perform(get("/api/cases/" + caseId).with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private int status(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, Pages.PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static List<String> subjectsOf(JsonNode panel, String kind) {
        List<String> ids = new ArrayList<>();
        panel.path("agenda").forEach(i -> {
            if (i.path("kind").asText().equals(kind)) {
                ids.add(i.path("subject").path("subjectId").asText());
            }
        });
        return ids;
    }

    private static List<String> casesOf(JsonNode panel, String kind) {
        List<String> ids = new ArrayList<>();
        panel.path("agenda").forEach(i -> {
            if (i.path("kind").asText().equals(kind)) {
                ids.add(i.path("caseId").asText());
            }
        });
        return ids;
    }

    private static JsonNode item(JsonNode panel, String caseId) {
        for (JsonNode i : panel.path("agenda")) {
            if (i.path("kind").asText().equals("CASE_AT_HIGH_RISK")
                    && i.path("caseId").asText().equals(caseId)) {
                return i;
            }
        }
        throw new AssertionError("no item for " + caseId + " in " + panel);
    }

    private Task actionTask(List<StrategyMeetings.Action> actions, String owner) {
        StrategyMeetings.Action action = actions.stream()
                .filter(a -> a.ownerAgency().equals(owner))
                .findFirst()
                .orElseThrow();
        return taskService
                .createTaskQuery()
                .processInstanceId(action.processInstanceId())
                .singleResult();
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .toList();
    }

    private static MockHttpServletRequestBuilder when(
            MockHttpServletRequestBuilder post, String field, LocalDateTime at) {
        return post.param(field + ".day", String.valueOf(at.getDayOfMonth()))
                .param(field + ".month", String.valueOf(at.getMonthValue()))
                .param(field + ".year", String.valueOf(at.getYear()))
                .param(field + ".time", String.format("%02d:%02d", at.getHour(), at.getMinute()));
    }

    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    private MockHttpSession session(String user) throws Exception {
        MockHttpSession s = sessions.get(user);
        if (s == null) {
            s = Pages.signIn(mvc, user);
            sessions.put(user, s);
        }
        return s;
    }

    private String page(String user, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result =
                mvc.perform(request.session(session(user)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s %s", user, result.getRequest().getRequestURI())
                .isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MvcResult submit(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session(user)).with(csrf())).andReturn();
    }
}
