package uk.pathways.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.pathways.gate.HistoryLeftOut;
import uk.pathways.modeling.ProcessVariables;

/**
 * The documented variables of notification-delivery, for the model validator (ADR 8), and its history: none, the
 * outbox row and the chronology being the record of every e-mail (ADR 21).
 */
@Configuration(proxyBeanMethods = false)
class NotificationDeliveryVariables {

    @Bean
    ProcessVariables notificationDeliveryProcessVariables() {
        return ProcessVariables.of(NotificationDeliveryProcess.KEY, NotificationDeliveryProcess.VARIABLES);
    }

    @Bean
    HistoryLeftOut notificationDeliveryLeavesNoHistory() {
        return HistoryLeftOut.processes(NotificationDeliveryProcess.KEY);
    }
}
