package uk.pathways.support.process;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ${onwardReferralList.of(newOnwardReferrals)}}: the ids of the onward referrals an outreach contact made, as
 * the collection of their follow-ups (one instance of SubProcess_OnwardReferral each).
 */
@Component("onwardReferralList")
public class OnwardReferralList {

    public List<String> of(Object ids) {
        if (ids == null || ids.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.toString().split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .toList();
    }
}
