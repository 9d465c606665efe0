package uk.pathways.gate;

import java.util.Map;
import java.util.Set;

/**
 * A BPMN message that agencies may send through the engine's doors ({@code POST /engine-rest/message}, the Java API):
 * which payload variables it may carry, whether it is correlated by business key, and who may send it. Each
 * capability that owns a message declares its rule as a bean; a message without a rule is refused (403) to people.
 * Once a rule has passed, the platform correlates the message on the sender's behalf (agencies hold no grant on
 * process instances), and the model's own listeners validate the payload as the HTTP API would.
 */
public interface MessageRule {

    String messageName();

    /** The payload variables the message may carry; any other is refused (400). */
    Set<String> payload();

    /** True when the message is correlated to one running pathway by its business key (which must be given). */
    boolean byBusinessKey();

    /** Refuses (an access or input exception) when {@code userId} may not send this message for this business key. */
    void check(String userId, String businessKey, Map<String, Object> payload);
}
