package uk.pathways.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${deliverNotification}}: the asynchronous service task of {@code notification-delivery}, which sends the
 * e-mails of one step (ADR 21), each on its own claim. Every e-mail is tried; if any failed, the first failure is
 * thrown on, so the job executor retries (R5/PT1M in the model) and the last failure is a Cockpit incident. A retry
 * sends only what is still unsent: a row already SENT is a no-op for {@link Delivery}.
 */
@Component("deliverNotification")
class DeliverNotification implements JavaDelegate {

    private final Delivery delivery;
    private final NotificationRepository repository;

    DeliverNotification(Delivery delivery, NotificationRepository repository) {
        this.delivery = delivery;
        this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> ids = repository.idsOfDelivery(execution.getProcessInstanceId());
        if (ids.isEmpty() && execution.getVariable(NotificationDeliveryProcess.NOTIFICATION_ID) instanceof String id) {
            ids = List.of(id); // an instance started by a test or an earlier release with the row id only
        }
        RuntimeException first = null;
        for (String id : ids) {
            try {
                delivery.deliver(id);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
