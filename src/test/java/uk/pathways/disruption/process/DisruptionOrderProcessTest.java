package uk.pathways.disruption.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.disruption.Disruption;
import uk.pathways.disruption.DisruptionProperties;
import uk.pathways.disruption.Disruptions;

/**
 * The fast tier: bpmn/disruption-order.bpmn on an in-memory engine, the register mocked, the model's listeners real.
 * The review waits for its day and the expiry for its notice; each task is the police's with its escalation clock;
 * a review still needed comes back on the next review day; an outcome at the expiry ends both clocks.
 */
class DisruptionOrderProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("pathways-engine-only.cfg.xml")
            .build();

    static final String ID = "DIS-2026-000042";

    final Disruptions disruptions = mock(Disruptions.class);
    final Actors actors = mock(Actors.class);
    final List<String> escalated = new ArrayList<>();
    boolean inForce = true;

    /** The clocks' due dates, an hour on. */
    public static class Clocks {
        public Date due(String clock) {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(1)));
        }
    }

    @BeforeEach
    void beans() {
        when(actors.current(anyList())).thenReturn(new Actor("police-worker", "police"));
        when(disruptions.properties())
                .thenReturn(new DisruptionProperties(List.of(
                        new DisruptionProperties.Tactic("CAWN", "Child abduction warning notice", true, null))));
        when(disruptions.find(ID)).thenAnswer(call -> Optional.of(entry()));
        when(disruptions.reviewAt(any())).thenReturn(Date.from(Instant.now().plus(Duration.ofDays(90))));
        when(disruptions.noticeAt(any())).thenReturn(Date.from(Instant.now().plus(Duration.ofDays(700))));
        Mocks.register("clocks", new Clocks());
        Mocks.register("escalation", (TaskListener) (DelegateTask t) -> escalated.add(t.getTaskDefinitionKey()));
        Mocks.register("recordDisruptionReview", new RecordDisruptionReview(disruptions, actors));
        Mocks.register("recordDisruptionExpiry", new RecordDisruptionExpiry(disruptions, actors));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private Disruption entry() {
        return new Disruption(
                ID,
                "CAWN",
                "SUB-000001",
                "PERSON",
                "Synthetic",
                true,
                "Corby",
                "police",
                LocalDate.now(),
                LocalDate.now().plusYears(2),
                LocalDate.now().plusMonths(3),
                inForce ? null : Disruption.LAPSED,
                null,
                null,
                null,
                "police-worker",
                "police",
                Instant.now(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    @Deployment(resources = "bpmn/disruption-order.bpmn")
    void eachClockWaitsForItsDayBringsAPoliceTaskAndTheOutcomeEndsThemAll() {
        Instant reviewAt = Instant.now().plus(Duration.ofDays(30));
        Instant noticeAt = Instant.now().plus(Duration.ofDays(60));
        Map<String, Object> start = new HashMap<>();
        start.put(DisruptionOrderProcess.DISRUPTION_ID, ID);
        start.put(DisruptionOrderProcess.REVIEW_AT, Date.from(reviewAt));
        start.put(DisruptionOrderProcess.HAS_EXPIRY, true);
        start.put(DisruptionOrderProcess.EXPIRY_NOTICE_AT, Date.from(noticeAt));
        start.put(DisruptionOrderProcess.DISRUPTION_ENDED, false);
        ProcessInstance instance =
                engine.getRuntimeService().startProcessInstanceByKey(DisruptionOrderProcess.KEY, ID, start);
        assertThat(timers(instance))
                .extracting(Job::getDuedate)
                .containsExactlyInAnyOrder(Date.from(reviewAt), Date.from(noticeAt));
        assertThat(tasks(instance)).isEmpty();

        ClockUtil.setCurrentTime(Date.from(reviewAt.plusSeconds(1)));
        fire(instance, Date.from(reviewAt));
        Task review = task(instance, DisruptionOrderProcess.TASK_REVIEW);
        assertThat(review.getName()).isEqualTo("Review the child abduction warning notice " + ID);
        assertThat(groups(review)).containsExactly("police");
        assertThat(timers(instance)).hasSize(2).as("the review's escalation clock and the expiry's notice");

        ClockUtil.setCurrentTime(Date.from(review.getDueDate().toInstant().plusSeconds(1)));
        fire(instance, review.getDueDate());
        assertThat(escalated).containsExactly(DisruptionOrderProcess.TASK_REVIEW);

        engine.getTaskService().complete(review.getId(), Map.of(DisruptionOrderProcess.STILL_NEEDED, "YES"));
        verify(disruptions).reviewed(eq(ID), eq(true), isNull(), isNull(), isNull(), isNull(), any());
        assertThat(task(instance, DisruptionOrderProcess.TASK_REVIEW))
                .as("back to waiting")
                .isNull();
        assertThat(timers(instance)).hasSize(2).as("the next review day and the expiry's notice");

        ClockUtil.setCurrentTime(Date.from(noticeAt.plusSeconds(1)));
        fire(instance, Date.from(noticeAt));
        Task expiry = task(instance, DisruptionOrderProcess.TASK_EXPIRY);
        assertThat(groups(expiry)).containsExactly("police");
        inForce = false;
        engine.getTaskService().complete(expiry.getId(), Map.of(DisruptionOrderProcess.EXPIRY_DECISION, "LAPSE"));
        verify(disruptions).endedAtExpiry(eq(ID), eq(Disruption.LAPSED), isNull(), any());
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .as("the outcome ends the review's clock too")
                .isZero();
    }

    @Test
    @Deployment(resources = "bpmn/disruption-order.bpmn")
    void aTacticThatDoesNotExpireHasOnlyItsReviewClock() {
        Map<String, Object> start = new HashMap<>();
        start.put(DisruptionOrderProcess.DISRUPTION_ID, ID);
        start.put(DisruptionOrderProcess.REVIEW_AT, Date.from(Instant.now().plus(Duration.ofDays(30))));
        start.put(DisruptionOrderProcess.HAS_EXPIRY, false);
        start.put(DisruptionOrderProcess.EXPIRY_NOTICE_AT, null);
        start.put(DisruptionOrderProcess.DISRUPTION_ENDED, false);
        ProcessInstance instance =
                engine.getRuntimeService().startProcessInstanceByKey(DisruptionOrderProcess.KEY, ID, start);
        assertThat(timers(instance)).hasSize(1);
    }

    private void fire(ProcessInstance instance, Date due) {
        for (Job job : timers(instance)) {
            if (!job.getDuedate().after(due)) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
    }

    private List<Job> timers(ProcessInstance instance) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .list();
    }

    private List<Task> tasks(ProcessInstance instance) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .list();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> groups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
