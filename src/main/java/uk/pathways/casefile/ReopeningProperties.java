package uk.pathways.casefile;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.reopening.within}: a referral or missing report for a child whose case closed within this period
 * (ISO-8601, default {@code P12M}, the re-referral period of the Children in Need census) reopens the case with its
 * history: the reopening is chronicled with the closure it undoes, and the screening shows the closure beside its form.
 * Later than that, the new work still joins the child's one record (contract section 6) as a new episode.
 */
@ConfigurationProperties("pathways.reopening")
public record ReopeningProperties(Period within) {

    public ReopeningProperties {
        within = within == null ? Period.ofMonths(12) : within;
        if (within.isNegative() || within.isZero()) {
            throw new IllegalStateException("pathways.reopening.within must be a positive period, not " + within);
        }
    }
}
