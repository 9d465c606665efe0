package uk.pathways.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast tier: bpmn/notification-delivery.bpmn on an in-memory engine. An e-mail is sent by a job of its own, never
 * in the transaction that queued it; a failed send is retried (five times, a minute apart) and then left as an
 * incident, not lost.
 */
class NotificationDeliveryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("pathways-engine-only.cfg.xml")
            .build();

    private final List<Object> sent = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    @Deployment(resources = "bpmn/notification-delivery.bpmn")
    void theEmailIsSentByAJobOfItsOwnAfterTheQueueingCommits() {
        Mocks.register(
                "deliverNotification", (JavaDelegate) execution -> sent.add(execution.getVariable("notificationId")));
        ProcessInstance queued = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        NotificationDeliveryProcess.KEY, Map.of(NotificationDeliveryProcess.NOTIFICATION_ID, "n-1"));
        assertThat(sent).as("nothing sent in the queueing transaction").isEmpty();
        Job job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(queued.getId())
                .singleResult();
        engine.getManagementService().executeJob(job.getId());
        assertThat(sent).containsExactly("n-1");
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(queued.getId())
                        .count())
                .isZero();
    }

    @Test
    @Deployment(resources = "bpmn/notification-delivery.bpmn")
    void aFailedSendIsRetriedAndThenKeptAsAnIncident() {
        Mocks.register("deliverNotification", (JavaDelegate) execution -> {
            throw new IllegalStateException("Synthetic: the mail server is down");
        });
        ProcessInstance queued = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        NotificationDeliveryProcess.KEY, Map.of(NotificationDeliveryProcess.NOTIFICATION_ID, "n-2"));
        for (int attempt = 0; attempt < 5; attempt++) {
            Job job = engine.getManagementService()
                    .createJobQuery()
                    .processInstanceId(queued.getId())
                    .singleResult();
            assertThat(job.getRetries()).as("attempt %d", attempt).isPositive();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .hasMessageContaining("mail server");
        }
        Job last = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(queued.getId())
                .singleResult();
        assertThat(last.getRetries()).isZero();
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(queued.getId())
                        .count())
                .as("kept as an incident for an administrator, never lost")
                .isEqualTo(1);
    }
}
