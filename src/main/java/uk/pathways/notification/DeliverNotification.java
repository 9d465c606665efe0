package uk.pathways.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.process.Variables;

/**
 * {@code ${deliverNotification}}: the asynchronous service task of {@code notification-delivery}. A failure
 * is thrown on, so the job executor retries (R5/PT1M in the model) and the last failure is a Cockpit incident.
 */
@Component("deliverNotification")
class DeliverNotification implements JavaDelegate {

    private final Delivery delivery;

    DeliverNotification(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver(Variables.text(execution, NotificationDeliveryProcess.NOTIFICATION_ID));
    }
}
