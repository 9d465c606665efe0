package uk.pathways.strategymeeting.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationEventPublisher;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseFile;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetings;

/**
 * The fast tier: bpmn/strategy-meeting.bpmn on an in-memory engine with its beans mocked (no Spring application),
 * the model's own listeners real. The meeting is scheduled, every agency asked gets its task with the meeting's
 * start as its clock, the chair's outcome ends the meeting and closes the information not shared by then.
 */
class StrategyMeetingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("pathways-engine-only.cfg.xml")
            .build();

    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    final StrategyMeetingAgencies agencies = mock(StrategyMeetingAgencies.class);
    final Actors actors = mock(Actors.class);
    final CaseFile caseFile = mock(CaseFile.class);
    final StrategyMeetings meetings = mock(StrategyMeetings.class);
    final TaskListener escalation = mock(TaskListener.class);

    @BeforeEach
    void beans() {
        when(agencies.asked()).thenReturn(List.of("police", "health", "education", "childrens-services"));
        when(agencies.invitedTo(anyString()))
                .thenReturn(List.of("police", "health", "education", "childrens-services"));
        when(actors.current(anyList())).thenReturn(new Actor("childrens-services-worker", "childrens-services"));
        Mocks.register("strategyMeetingAgencies", agencies);
        Mocks.register("recordMeetingScheduled", new RecordMeetingScheduled(events, agencies, meetings, actors));
        Mocks.register("recordMeetingOutcome", new RecordMeetingOutcome(events, caseFile, agencies, meetings, actors));
        Mocks.register("escalation", escalation);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance call(Date due) {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        StrategyMeetingProcess.KEY,
                        "REF-2026-000001",
                        Map.of(
                                "caseId",
                                "CASE-2026-000001",
                                "reference",
                                "REF-2026-000001",
                                "childDisplayName",
                                "Alex E. (14)",
                                "age",
                                14,
                                StrategyMeetingProcess.STRATEGY_MEETING_DUE,
                                due));
    }

    private List<Task> tasks(ProcessInstance instance, String key) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(key)
                .list();
    }

    @Test
    @Deployment(resources = "bpmn/strategy-meeting.bpmn")
    void aScheduledMeetingAsksEveryAgencyWithItsStartAsTheClockAndTheOutcomeClosesTheRest() {
        Date due = Date.from(Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        ProcessInstance meeting = call(due);

        Task schedule = tasks(meeting, StrategyMeetingProcess.TASK_SCHEDULE).get(0);
        assertThat(schedule.getDueDate()).isEqualTo(due);
        assertThat(engine.getTaskService().getIdentityLinksForTask(schedule.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("childrens-services"));
        List<Job> clocks = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(meeting.getId())
                .timers()
                .list();
        assertThat(clocks)
                .as("the schedule's escalation clock")
                .singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(due));

        Instant startsAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        engine.getTaskService()
                .complete(schedule.getId(), Map.of(StrategyMeetingProcess.MEETING_AT, startsAt.toString()));

        List<Task> asked = tasks(meeting, StrategyMeetingProcess.TASK_AGENCY_INFORMATION);
        assertThat(asked).hasSize(4).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(Date.from(startsAt)));
        assertThat(asked.stream()
                        .flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream())
                        .map(l -> l.getGroupId())
                        .toList())
                .containsExactlyInAnyOrder("police", "health", "education", "childrens-services");
        verify(events).publishEvent(any(uk.pathways.strategymeeting.StrategyMeetingScheduled.class));

        engine.getTaskService().complete(asked.get(0).getId());
        Task outcome = tasks(meeting, StrategyMeetingProcess.TASK_OUTCOME).get(0);
        engine.getTaskService()
                .complete(
                        outcome.getId(),
                        Map.of(StrategyMeetingProcess.RISE_ACCEPTED, true, StrategyMeetingProcess.SECTION_47, "false"));

        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(meeting.getId())
                        .count())
                .as("the meeting held ends it: information not shared by then is closed")
                .isZero();
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(meeting.getId())
                        .variableName(StrategyMeetingProcess.SECTION_47)
                        .singleResult()
                        .getValue())
                .as("an unticked box is false")
                .isEqualTo(false);
        verify(caseFile).involve(anyString(), eq("rise"), anyString(), any(Actor.class));
    }

    @Test
    @Deployment(resources = "bpmn/strategy-meeting.bpmn")
    void aMeetingInThePastIsRefusedAndTheScheduleStaysOpen() {
        ProcessInstance meeting = call(Date.from(Instant.now().plus(Duration.ofDays(2))));
        Task schedule = tasks(meeting, StrategyMeetingProcess.TASK_SCHEDULE).get(0);
        assertThatThrownBy(() -> engine.getTaskService()
                        .complete(
                                schedule.getId(),
                                Map.of(
                                        StrategyMeetingProcess.MEETING_AT,
                                        Instant.now().minus(Duration.ofHours(1)).toString())))
                .hasMessageContaining("must start in the future");
        assertThat(tasks(meeting, StrategyMeetingProcess.TASK_SCHEDULE)).hasSize(1);
        assertThat(tasks(meeting, StrategyMeetingProcess.TASK_AGENCY_INFORMATION))
                .isEmpty();
    }
}
