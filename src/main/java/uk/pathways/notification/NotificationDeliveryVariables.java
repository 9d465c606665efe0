package uk.pathways.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.pathways.modeling.ProcessVariables;

/** The documented variables of notification-delivery, for the model validator (ADR 8). */
@Configuration(proxyBeanMethods = false)
class NotificationDeliveryVariables {

    @Bean
    ProcessVariables notificationDeliveryProcessVariables() {
        return ProcessVariables.of(NotificationDeliveryProcess.KEY, NotificationDeliveryProcess.VARIABLES);
    }
}
