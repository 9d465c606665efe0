package uk.pathways.escalation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.escalation.*}: {@code targets} names the escalation group of a task where it is not
 * "the task's agency's managers"; {@code reminders} lists tasks whose clock reminds instead of escalating.
 */
@ConfigurationProperties("pathways.escalation")
record EscalationProperties(Map<String, String> targets, List<String> reminders) {

    EscalationProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }
}
