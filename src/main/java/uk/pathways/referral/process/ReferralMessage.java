package uk.pathways.referral.process;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.pathways.gate.MessageRule;

/**
 * {@code CseReferralReceived} from a partner system (contract section 2): it carries the referral as JSON in
 * {@code referral} and nothing else; {@code RegisterMessageReferral} validates it as {@code POST /api/referrals} does.
 */
@Component
class ReferralMessage implements MessageRule {

    @Override
    public String messageName() {
        return CseReferralProcess.MESSAGE_RECEIVED;
    }

    @Override
    public Set<String> payload() {
        return Set.of(RegisterMessageReferral.REFERRAL);
    }

    @Override
    public boolean byBusinessKey() {
        return false;
    }

    @Override
    public void check(String userId, String businessKey, Map<String, Object> payload) {
        // anyone of an agency may refer; the payload is checked by the model's start listener
    }
}
