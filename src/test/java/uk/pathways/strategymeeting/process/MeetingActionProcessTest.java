package uk.pathways.strategymeeting.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseFile;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingHeld;
import uk.pathways.strategymeeting.StrategyMeetings;

/**
 * The fast tier: the actions agreed at a strategy meeting (bpmn/strategy-meeting.bpmn and bpmn/strategy-meeting-action.bpmn on
 * an in-memory engine, beans mocked, the models' listeners real). Each action becomes a task of its own for its owner
 * agency, due on the action's date, with an escalation clock at that date; the meeting ends at once (no action holds
 * up the pathway); a bad action row is refused naming its field.
 */
class MeetingActionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("pathways-engine-only.cfg.xml")
            .build();

    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    final StrategyMeetingAgencies agencies = mock(StrategyMeetingAgencies.class);
    final StrategyMeetings meetings = mock(StrategyMeetings.class);
    final Actors actors = mock(Actors.class);
    final CaseFile caseFile = mock(CaseFile.class);
    final List<String> escalated = new java.util.ArrayList<>();
    final TaskListener escalation = (DelegateTask task) -> escalated.add(task.getTaskDefinitionKey());

    @BeforeEach
    void beans() {
        when(agencies.asked()).thenReturn(List.of("police", "health"));
        when(agencies.invitedTo(anyString())).thenReturn(List.of("police", "health"));
        when(actors.current(anyList())).thenReturn(new Actor("childrens-services-worker", "childrens-services"));
        when(actors.current()).thenReturn(new Actor("police-worker", "police"));
        when(meetings.agree(anyString(), anyString(), anyString(), anyInt(), anyString(), anyString(), any()))
                .thenAnswer(call -> "action-" + call.getArgument(3));
        Mocks.register("strategyMeetingAgencies", agencies);
        Mocks.register("recordMeetingScheduled", new RecordMeetingScheduled(events, agencies, meetings, actors));
        Mocks.register("recordMeetingOutcome", new RecordMeetingOutcome(events, caseFile, agencies, meetings, actors));
        Mocks.register("recordActionDone", new RecordActionDone(meetings, actors));
        Mocks.register("escalation", escalation);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance meetingReadyForItsOutcome() {
        ProcessInstance meeting = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        StrategyMeetingProcess.KEY,
                        "REF-2026-000002",
                        Map.of(
                                "caseId",
                                "CASE-2026-000002",
                                "reference",
                                "REF-2026-000002",
                                "childDisplayName",
                                "Jo K. (15)",
                                "age",
                                15,
                                StrategyMeetingProcess.STRATEGY_MEETING_DUE,
                                Date.from(Instant.now().plus(Duration.ofDays(3)))));
        Task schedule = task(meeting.getId(), StrategyMeetingProcess.TASK_SCHEDULE);
        engine.getTaskService()
                .complete(
                        schedule.getId(),
                        Map.of(
                                StrategyMeetingProcess.MEETING_AT,
                                Instant.now().plus(Duration.ofDays(1)).toString(),
                                "external1Name",
                                "Robin Hartley",
                                "external1Organisation",
                                "HOUSING",
                                "external1Email",
                                "robin.hartley@housing.example"));
        return meeting;
    }

    private Task task(String processInstanceId, String key) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> groups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .toList();
    }

    @Test
    @Deployment(resources = {"bpmn/strategy-meeting.bpmn", "bpmn/strategy-meeting-action.bpmn"})
    void eachActionIsATaskForItsOwnerDueOnItsDateThatEscalatesWhenLateWithoutHoldingUpThePathway() {
        ProcessInstance meeting = meetingReadyForItsOutcome();
        verify(meetings)
                .scheduled(
                        eq(meeting.getId()),
                        eq("CASE-2026-000002"),
                        eq("REF-2026-000002"),
                        any(),
                        eq(List.of("police", "health")),
                        eq(List.of(new StrategyMeetings.ExternalAttendee(
                                1, "Robin Hartley", "HOUSING", "robin.hartley@housing.example", null))));

        Instant policeDue = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Instant educationDue = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> outcome = new HashMap<>();
        outcome.put(StrategyMeetingProcess.RISE_ACCEPTED, true);
        outcome.put("action1Owner", "police");
        outcome.put("action1Description", "Disrupt the vehicle seen at the school gates");
        outcome.put("action1Due", policeDue.toString());
        outcome.put("action2Owner", "education");
        outcome.put("action2Description", "Put a safe adult in place at school");
        outcome.put("action2Due", educationDue.toString());
        outcome.put("attendedAgencies", "police");
        outcome.put("apologies", "health");
        outcome.put("external1Attended", true);
        engine.getTaskService()
                .complete(
                        task(meeting.getId(), StrategyMeetingProcess.TASK_OUTCOME)
                                .getId(),
                        outcome);

        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(meeting.getId())
                        .count())
                .as("the meeting is over: its actions do not hold up the calling pathway")
                .isZero();
        verify(meetings)
                .held(
                        eq(meeting.getId()),
                        eq("CASE-2026-000002"),
                        eq("REF-2026-000002"),
                        any(),
                        eq(List.of("police", "health")),
                        eq(List.of("police")),
                        eq(List.of("health")),
                        eq(java.util.Set.of(1)),
                        any());

        List<ProcessInstance> actions = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(MeetingActionProcess.KEY)
                .list();
        assertThat(actions).hasSize(2);
        Task police = actionTask("police");
        Task education = actionTask("education");
        assertThat(police.getDueDate()).isEqualTo(Date.from(policeDue));
        assertThat(education.getDueDate()).isEqualTo(Date.from(educationDue));
        assertThat(groups(police)).containsExactly("police");
        assertThat(engine.getTaskService().getVariable(police.getId(), "caseId"))
                .isEqualTo("CASE-2026-000002");
        assertThat(engine.getTaskService().getVariable(police.getId(), MeetingActionProcess.ACTION_ID))
                .isEqualTo("action-1");
        verify(meetings).asked(eq("action-1"), eq(police.getProcessInstanceId()));

        List<Job> clocks = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(police.getProcessInstanceId())
                .timers()
                .list();
        assertThat(clocks)
                .singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(Date.from(policeDue)));

        ArgumentCaptor<StrategyMeetingHeld> held = ArgumentCaptor.forClass(StrategyMeetingHeld.class);
        verify(events).publishEvent(held.capture());
        assertThat(held.getValue().actionsAgreed()).isEqualTo(2);
        assertThat(held.getValue().invitedAgencies()).containsExactly("police", "health");

        // the police's action breaches its clock: escalated; education's is not yet due
        ClockUtil.setCurrentTime(Date.from(policeDue.plus(Duration.ofMinutes(1))));
        engine.getManagementService().executeJob(clocks.get(0).getId());
        assertThat(escalated).containsExactly(MeetingActionProcess.TASK_ACTION);
        assertThat(task(police.getProcessInstanceId(), MeetingActionProcess.TASK_ACTION))
                .as("the late action stays open where it is")
                .isNotNull();

        engine.getTaskService().complete(police.getId());
        verify(meetings).done(eq("action-1"), eq("police-worker"), any(), any());
        verify(meetings, never()).done(eq("action-2"), anyString(), any(), any());
    }

    @Test
    @Deployment(resources = {"bpmn/strategy-meeting.bpmn", "bpmn/strategy-meeting-action.bpmn"})
    void anActionWithoutItsOwnerOrWithADateInThePastIsRefusedNamingTheFieldAndNothingStarts() {
        ProcessInstance meeting = meetingReadyForItsOutcome();
        Task outcome = task(meeting.getId(), StrategyMeetingProcess.TASK_OUTCOME);
        Map<String, Object> noOwner = Map.of(
                "action1Description",
                "Disrupt the vehicle",
                "action1Due",
                Instant.now().plus(Duration.ofDays(2)).toString());
        assertThatThrownBy(() -> engine.getTaskService().complete(outcome.getId(), noOwner))
                .hasMessageContaining("action1Owner");
        Map<String, Object> past = Map.of(
                "action1Owner",
                "police",
                "action1Description",
                "Disrupt the vehicle",
                "action1Due",
                Instant.now().minus(Duration.ofDays(2)).toString());
        assertThatThrownBy(() -> engine.getTaskService().complete(outcome.getId(), past))
                .hasMessageContaining("action1Due");

        assertThat(task(meeting.getId(), StrategyMeetingProcess.TASK_OUTCOME)).isNotNull();
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(MeetingActionProcess.KEY)
                        .count())
                .isZero();
        verify(meetings, never())
                .agree(anyString(), anyString(), anyString(), anyInt(), anyString(), anyString(), any());
    }

    private Task actionTask(String owner) {
        return engine.getTaskService()
                .createTaskQuery()
                .processDefinitionKey(MeetingActionProcess.KEY)
                .taskCandidateGroup(owner)
                .singleResult();
    }
}
