package uk.pathways.strategymeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.sharing.Share;
import uk.pathways.sharing.SharingLog;
import uk.pathways.support.MailCatcher;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * A strategy meeting worked on the task pages (H2, the real engine): the chair invites the police, education and
 * children's services and two named others (housing, the host authority); only the invited agencies are asked for
 * information; the others get an e-mail with the time and place only, in the sharing log. The outcome records
 * attendance, the voices and two actions; each is a task for its owner, due on its date, which escalates to the
 * owner's managers when late; the case page, GET /api/cases and the action's own page read it all back.
 */
@PathwaysTest
class StrategyMeetingPathwayTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    @Autowired
    Mailroom mailroom;

    @Autowired
    MailCatcher mail;

    @Autowired
    SharingLog sharing;

    @Autowired
    ObjectMapper json;

    @Autowired
    uk.pathways.casefile.CaseFile caseFile;

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
    void theChairInvitesRecordsActionsAndEachOwnerGetsItsTaskThatEscalatesWhenLate() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));

        // the schedule's page offers the usual agencies ticked
        Task schedule = pathway.task(caseId, "schedule-strategy-meeting");
        String schedulePage = page("childrens-services-worker", get("/tasks/" + schedule.getId()));
        assertThat(schedulePage)
                .containsPattern("value=\"police\"[^>]*checked")
                .containsPattern("value=\"health\"[^>]*checked")
                .contains("name=\"external1Email\"");

        LocalDateTime startsAt = Now.instant()
                .plus(Duration.ofDays(1))
                .atZone(Now.UK)
                .toLocalDateTime()
                .withHour(10)
                .withMinute(0)
                .truncatedTo(ChronoUnit.MINUTES);
        MvcResult scheduled = submit(
                "childrens-services-worker",
                when(post("/tasks/" + schedule.getId()), "meetingAt", startsAt)
                        .param("meetingPlace", "Room 2, Guildhall (synthetic)")
                        .param("invitedAgencies", "police", "education", "childrens-services")
                        .param("external1Name", "Robin Hartley")
                        .param("external1Organisation", "HOUSING")
                        .param("external1Email", "robin.hartley@housing.example")
                        .param("external2Name", "Kit Morrow")
                        .param("external2Organisation", "HOST_AUTHORITY")
                        .param("external2Email", "kit.morrow@host.example"));
        assertThat(scheduled.getResponse().getRedirectedUrl()).isEqualTo("/tasks");

        assertThat(pathway.tasks(caseId, "agency-information").stream()
                        .map(t -> groups(t).get(0))
                        .toList())
                .as("only the invited agencies are asked for information")
                .containsExactlyInAnyOrder("police", "education", "childrens-services");

        // the others are told when and where, nothing of the case; each e-mail is in the sharing log
        mailroom.deliver(caseId);
        List<MailCatcher.Mail> external = mail.ofCase(caseId).stream()
                .filter(m -> m.to().contains("housing.example") || m.to().contains("host.example"))
                .toList();
        assertThat(external)
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.everything())
                        .contains("Room 2, Guildhall (synthetic)")
                        .contains("10:00")
                        .doesNotContain(
                                caseFile.find(caseId).orElseThrow().child().firstName())
                        .doesNotContain("/cases/"));
        assertThat(sharing.of(caseId).stream()
                        .filter(s -> s.kind().equals(Share.EMAIL))
                        .map(Share::sharedWith)
                        .toList())
                .contains("robin.hartley@housing.example", "kit.morrow@host.example");

        // a bad action row is refused on the page, naming it, and nothing changes
        Task meeting = pathway.task(caseId, "strategy-meeting");
        Instant policeDue = Now.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
        Instant educationDue = Now.instant().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
        MvcResult refused = submit(
                "childrens-services-worker",
                outcome(post("/tasks/" + meeting.getId()))
                        .param("action1Description", "Disrupt the vehicle seen at the school gates"));
        assertThat(refused.getResponse().getContentAsString())
                .contains("There is a problem")
                .contains("Select the agency that owns the action");
        assertThat(pathway.tasks(caseId, "meeting-action")).isEmpty();

        MvcResult held = submit(
                "childrens-services-worker",
                when(
                        when(
                                outcome(post("/tasks/" + meeting.getId()))
                                        .param("action1Owner", "police")
                                        .param("action1Description", "Disrupt the vehicle seen at the school gates")
                                        .param("action2Owner", "education")
                                        .param("action2Description", "Put a safe adult in place at school"),
                                "action1Due",
                                policeDue.atZone(Now.UK).toLocalDateTime()),
                        "action2Due",
                        educationDue.atZone(Now.UK).toLocalDateTime()));
        assertThat(held.getResponse().getRedirectedUrl()).isEqualTo("/tasks");

        // the minutes' notice goes to the invited agencies only: a link to the case, never the minutes or the voices
        mailroom.deliver(caseId);
        List<MailCatcher.Mail> notices = mail.ofCase(caseId).stream()
                .filter(m -> m.event().equals("STRATEGY_MEETING_HELD"))
                .toList();
        assertThat(notices)
                .extracting(MailCatcher.Mail::to)
                .containsExactlyInAnyOrder(
                        "police@pathways.invalid", "education@pathways.invalid", "childrens-services@pathways.invalid");
        assertThat(notices)
                .allSatisfy(m -> assertThat(m.everything())
                        .contains("/cases/" + caseId)
                        .doesNotContain("Synthetic minutes")
                        .doesNotContain("Wants the car to stop coming to school")
                        .doesNotContain("Disrupt the vehicle"));

        // the pathway goes on (RISE allocates a worker) while each owner has its action, due on its date
        assertThat(pathway.openTaskKeys(caseId)).contains("allocate-support-worker");
        Task police = action(caseId, "police");
        Task education = action(caseId, "education");
        assertThat(police.getDueDate()).isEqualTo(Date.from(policeDue));
        assertThat(education.getDueDate()).isEqualTo(Date.from(educationDue));
        assertThat(page("police-worker", get("/tasks"))).contains("data-task-id=\"" + police.getId() + "\"");
        assertThat(page("police-worker", get("/tasks/" + police.getId())))
                .contains("Action agreed at the strategy meeting")
                .contains("Disrupt the vehicle seen at the school gates");

        // read back by an involved agency: invitees, attendance, the voices and the actions with their state
        JsonNode view = api("education-worker", caseId);
        JsonNode read = view.path("strategyMeetings").get(0);
        assertThat(json.convertValue(read.path("invitedAgencies"), List.class))
                .containsExactlyInAnyOrder("police", "education", "childrens-services");
        assertThat(read.path("externalAttendees").toString())
                .contains("Robin Hartley")
                .contains("HOUSING")
                .contains("Kit Morrow")
                .contains("HOST_AUTHORITY");
        assertThat(read.path("externalAttendees").get(0).path("attended").asBoolean())
                .isTrue();
        assertThat(json.convertValue(read.path("attendedAgencies"), List.class))
                .containsExactlyInAnyOrder("police", "childrens-services");
        assertThat(json.convertValue(read.path("apologies"), List.class)).containsExactly("education");
        assertThat(read.path("actions")).hasSize(2);
        assertThat(read.path("actions").get(0).path("ownerAgency").asText()).isEqualTo("police");
        assertThat(read.path("actions").get(0).path("state").asText()).isEqualTo("OPEN");
        JsonNode outcomeEntry = null;
        for (JsonNode e : view.path("record")) {
            if (e.path("kind").asText().equals("strategy-meeting")) {
                outcomeEntry = e;
            }
        }
        assertThat(outcomeEntry.path("fields").path("youngPersonVoice").asText())
                .isEqualTo("Wants the car to stop coming to school (synthetic)");
        assertThat(outcomeEntry.path("fields").path("familyVoice").asText())
                .isEqualTo("Mum asks for help at weekends (synthetic)");
        String casePage = page("education-worker", get("/cases/" + caseId));
        assertThat(casePage)
                .contains("Strategy meetings")
                .contains("Robin Hartley")
                .contains("Disrupt the vehicle seen at the school gates")
                .contains("Put a safe adult in place at school")
                .contains("Wants the car to stop coming to school (synthetic)");

        // the police's action is late: escalated to police managers, overdue on the case; education's is not yet
        Pathway.at(policeDue.plus(Duration.ofMinutes(1)).atZone(Now.UK));
        assertThat(pathway.fireDueClocks(police.getProcessInstanceId())).isEqualTo(1);
        assertThat(groups(taskService.createTaskQuery().taskId(police.getId()).singleResult()))
                .containsExactlyInAnyOrder("police", "police-managers");
        assertThat(taskService.getVariableLocal(police.getId(), "escalated")).isEqualTo(true);
        assertThat(groups(
                        taskService.createTaskQuery().taskId(education.getId()).singleResult()))
                .containsExactly("education");
        assertThat(api("education-worker", caseId)
                        .path("strategyMeetings")
                        .get(0)
                        .path("actions")
                        .get(0)
                        .path("state")
                        .asText())
                .isEqualTo("OVERDUE");

        // the owner records what was done: the action is done, and what was done is on the case record
        MvcResult done = submit(
                "police-worker",
                post("/tasks/" + police.getId())
                        .param("actionDone", "Vehicle stopped and driver given a warning notice (synthetic)"));
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        JsonNode after = api("childrens-services-worker", caseId);
        assertThat(after.path("strategyMeetings")
                        .get(0)
                        .path("actions")
                        .get(0)
                        .path("state")
                        .asText())
                .isEqualTo("DONE");
        assertThat(after.path("record").toString())
                .contains("Vehicle stopped and driver given a warning notice (synthetic)");
        assertThat(page("childrens-services-worker", get("/cases/" + caseId)))
                .containsPattern("data-state=\"DONE\"")
                .containsPattern("data-state=\"OPEN\"");
    }

    private MockHttpServletRequestBuilder outcome(MockHttpServletRequestBuilder post) {
        return post.param("riseAccepted", "true")
                .param("attendedAgencies", "police", "childrens-services")
                .param("apologies", "education")
                .param("external1Attended", "true")
                .param("youngPersonVoice", "Wants the car to stop coming to school (synthetic)")
                .param("familyVoice", "Mum asks for help at weekends (synthetic)")
                .param("meetingMinutes", "Synthetic minutes");
    }

    private static MockHttpServletRequestBuilder when(
            MockHttpServletRequestBuilder post, String field, LocalDateTime at) {
        return post.param(field + ".day", String.valueOf(at.getDayOfMonth()))
                .param(field + ".month", String.valueOf(at.getMonthValue()))
                .param(field + ".year", String.valueOf(at.getYear()))
                .param(field + ".time", String.format("%02d:%02d", at.getHour(), at.getMinute()));
    }

    private Task action(String caseId, String owner) {
        return pathway.tasks(caseId, "meeting-action").stream()
                .filter(t -> groups(t).contains(owner))
                .findFirst()
                .orElseThrow();
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .toList();
    }

    private JsonNode api(String user, String caseId) throws Exception {
        MvcResult result = mvc.perform(get("/api/cases/" + caseId).with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s reads the case", user)
                .isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private final Map<String, MockHttpSession> sessions = new java.util.HashMap<>();

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
