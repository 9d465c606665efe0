package uk.pathways.disruption;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.disruption.tactics}: the disruption tactics the register offers, each with its code, its wording,
 * whether it expires (an entry must then give its expiry date) and how long after serving (and after each review) it is
 * reviewed (ISO-8601, e.g. {@code P3M}). A partnership adds or rewords tactics without a release.
 */
@ConfigurationProperties("pathways.disruption")
public record DisruptionProperties(List<Tactic> tactics) {

    /** One tactic of the register. */
    public record Tactic(String code, String wording, boolean expires, Period review) {

        public Tactic {
            if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,29}")) {
                throw new IllegalStateException(
                        "pathways.disruption.tactics: a code is 1 to 30 capitals, digits or _, not " + code);
            }
            wording = wording == null || wording.isBlank() ? code : wording.strip();
            review = review == null ? Period.ofMonths(3) : review;
            if (review.isNegative() || review.isZero()) {
                throw new IllegalStateException("pathways.disruption.tactics." + code + ".review must be positive");
            }
        }
    }

    public DisruptionProperties {
        tactics = tactics == null || tactics.isEmpty() ? List.of(new Tactic("OTHER", "Other", false, null)) : tactics;
        if (tactics.stream().map(Tactic::code).distinct().count() != tactics.size()) {
            throw new IllegalStateException("pathways.disruption.tactics: each code once");
        }
        tactics = List.copyOf(tactics);
    }

    public Optional<Tactic> tactic(String code) {
        return tactics.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** Code to wording, in the configured order. */
    public Map<String, String> wordings() {
        Map<String, String> wordings = new LinkedHashMap<>();
        tactics.forEach(t -> wordings.put(t.code(), t.wording()));
        return wordings;
    }

    public String wording(String code) {
        return tactic(code).map(Tactic::wording).orElse(code);
    }
}
