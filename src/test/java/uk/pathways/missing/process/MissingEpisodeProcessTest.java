package uk.pathways.missing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast tier: bpmn/missing-episode.bpmn (with the strategy meeting it calls) on an in-memory engine, every bean
 * mocked. A missing child at low risk waits for the 24-hour clock or the return; the return starts the return home
 * interview for the RHI service; information for the police becomes a police task; then the episode closes. A child
 * at high risk has the strategy meeting called at once.
 */
class MissingEpisodeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("pathways-engine-only.cfg.xml")
            .build();

    /** The clocks bean: every due date an hour from now, the meeting's a day. */
    public static class Clocks {
        public Date due(String clock) {
            return Date.from(Instant.now().plus(Duration.ofHours(1)));
        }

        public Date dueFrom(String clock, Object from) {
            return Date.from(Instant.now().plus(Duration.ofHours(1)));
        }

        public Date strategyMeetingDue(boolean urgent) {
            return Date.from(Instant.now().plus(Duration.ofDays(1)));
        }
    }

    /** The agencies asked for information for a meeting: the police. */
    public static class Agencies {
        public List<String> asked() {
            return List.of("police");
        }
    }

    /** The escalation bean: a clock that does nothing, and its reminder. */
    public static class Escalation implements TaskListener {
        @Override
        public void notify(DelegateTask task) {}

        public TaskListener getReminder() {
            return this;
        }
    }

    final ExecutionListener closeMissingEpisode = mock(ExecutionListener.class);
    final JavaDelegate tellAgencies = mock(JavaDelegate.class);
    final JavaDelegate startSupport = mock(JavaDelegate.class);

    @BeforeEach
    void beans() {
        Mocks.register("clocks", new Clocks());
        Mocks.register("escalation", new Escalation());
        Mocks.register("tellAgenciesOfMissingReport", tellAgencies);
        Mocks.register("checkRepeatMissing", mock(JavaDelegate.class));
        Mocks.register("recordReturn", mock(JavaDelegate.class));
        Mocks.register("startCseReferralFromInterview", mock(JavaDelegate.class));
        Mocks.register("startSupportFromMeeting", startSupport);
        Mocks.register("closeMissingEpisode", closeMissingEpisode);
        Mocks.register("registerMissingReport", mock(ExecutionListener.class));
        Mocks.register("recordRiskRegrade", mock(ExecutionListener.class));
        Mocks.register("recordMissingMeetingCalled", mock(ExecutionListener.class));
        // the interview's listener, as the real one does: what follows the interview, as flags
        Mocks.register("recordReturnInterview", (TaskListener) task -> {
            task.setVariable(
                    MissingEpisodeProcess.HAS_INFORMATION_FOR_POLICE, task.getVariable("informationForPolice") != null);
            task.setVariable("cseConcern", Boolean.TRUE.equals(task.getVariable("cseConcern")));
        });
        // the strategy meeting the episode may call
        Mocks.register("strategyMeetingAgencies", new Agencies());
        Mocks.register("recordMeetingScheduled", mock(TaskListener.class));
        Mocks.register("recordMeetingOutcome", mock(TaskListener.class));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance report(String reference, String risk) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", "CASE-2026-000001");
        vars.put("reference", reference);
        vars.put("childDisplayName", "Alex E. (14)");
        vars.put("age", 14);
        vars.put(MissingEpisodeProcess.POLICE_RISK, risk);
        vars.put(MissingEpisodeProcess.MISSING_SINCE, Date.from(Instant.now().minus(Duration.ofHours(3))));
        vars.put(MissingEpisodeProcess.RETURNED_AT, null); // still missing, as a report starts it
        return engine.getRuntimeService().startProcessInstanceByKey(MissingEpisodeProcess.KEY, reference, vars);
    }

    private List<String> openTasks(ProcessInstance instance) {
        return engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(instance.getBusinessKey())
                .list()
                .stream()
                .map(Task::getTaskDefinitionKey)
                .sorted()
                .toList();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(key)
                .singleResult();
    }

    @Test
    @Deployment(resources = {"bpmn/missing-episode.bpmn", "bpmn/strategy-meeting.bpmn"})
    void aReturnStartsTheInterviewAndItsInformationForThePoliceBecomesATaskBeforeTheEpisodeCloses() throws Exception {
        ProcessInstance episode = report("MIS-2026-000001", "LOW");
        verify(tellAgencies).execute(any());
        assertThat(openTasks(episode))
                .as("low risk: waiting for the clock or the return")
                .isEmpty();
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(episode.getId())
                        .timers()
                        .count())
                .as("the 24-hour clock")
                .isEqualTo(1);

        engine.getRuntimeService()
                .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RETURNED)
                .processInstanceBusinessKey(episode.getBusinessKey())
                .setVariable(MissingEpisodeProcess.RETURNED_AT, new Date())
                .correlate();

        Task interview = task(episode, MissingEpisodeProcess.TASK_RETURN_HOME_INTERVIEW);
        assertThat(engine.getTaskService().getIdentityLinksForTask(interview.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("rhi-service"));
        Map<String, Object> found = new HashMap<>();
        found.put("informationForPolice", "Synthetic: a car seen at the flat");
        found.put("cseConcern", false);
        engine.getTaskService().complete(interview.getId(), found);

        Task intelligence = task(episode, MissingEpisodeProcess.TASK_POLICE_INTELLIGENCE);
        assertThat(intelligence).as("information for the police: a police task").isNotNull();
        engine.getTaskService().complete(intelligence.getId());

        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(episode.getId())
                        .count())
                .as("the episode closes")
                .isZero();
        verify(closeMissingEpisode).notify(any());
    }

    @Test
    @Deployment(resources = {"bpmn/missing-episode.bpmn", "bpmn/strategy-meeting.bpmn"})
    void aChildAtHighRiskHasTheStrategyMeetingCalledAtOnce() {
        ProcessInstance episode = report("MIS-2026-000002", "HIGH");
        assertThat(openTasks(episode)).containsExactly("schedule-strategy-meeting");
    }

    private void holdMeeting(ProcessInstance episode, boolean riseAccepted, boolean section47, boolean police) {
        Task schedule = task(episode, "schedule-strategy-meeting");
        engine.getTaskService()
                .complete(
                        schedule.getId(),
                        Map.of("meetingStartsAt", Date.from(Instant.now().plus(Duration.ofHours(2)))));
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("riseAccepted", riseAccepted);
        outcome.put("section47", section47);
        outcome.put("policeInvestigation", police);
        outcome.put("meetingHeldAt", new Date());
        engine.getTaskService().complete(task(episode, "strategy-meeting").getId(), outcome);
    }

    @Test
    @Deployment(resources = {"bpmn/missing-episode.bpmn", "bpmn/strategy-meeting.bpmn"})
    void aMeetingThatDecidesSupportOrProtectionStartsTheReferralPathwaysTracks() throws Exception {
        ProcessInstance episode = report("MIS-2026-000003", "HIGH");
        holdMeeting(episode, false, true, false);
        verify(startSupport).execute(any());
    }

    @Test
    @Deployment(resources = {"bpmn/missing-episode.bpmn", "bpmn/strategy-meeting.bpmn"})
    void aMeetingThatDecidesNothingStartsNothing() throws Exception {
        ProcessInstance episode = report("MIS-2026-000004", "HIGH");
        holdMeeting(episode, false, false, false);
        verify(startSupport, org.mockito.Mockito.never()).execute(any());
    }
}
