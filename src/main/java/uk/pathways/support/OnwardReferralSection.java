package uk.pathways.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseViewSection;

/**
 * The case view's {@code onwardReferrals} (the case page and {@code GET /api/cases/{caseId}}): each referral with its
 * service, status, when it was made and by whom, and who last set its status when. Read only by whoever may read the
 * case; the case view's callers check and audit that.
 */
@Component
class OnwardReferralSection implements CaseViewSection {

    static final String NAME = "onwardReferrals";

    /** One onward referral as the case view shows it. */
    record Shown(
            long id,
            String service,
            String serviceName,
            String status,
            String statusWords,
            Instant madeAt,
            String madeBy,
            Instant statusAt,
            String statusBy,
            boolean open) {}

    private final OnwardReferrals referrals;

    OnwardReferralSection(OnwardReferrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Object> items(String caseId) {
        List<Object> shown = new ArrayList<>();
        for (OnwardReferral r : referrals.ofCase(caseId)) {
            shown.add(new Shown(
                    r.id(),
                    r.service(),
                    referrals.serviceName(r.service()),
                    r.status(),
                    OnwardReferrals.statusWords(r.status()),
                    r.madeAt(),
                    r.madeBy(),
                    r.statusAt(),
                    r.statusBy(),
                    r.open()));
        }
        return shown;
    }
}
