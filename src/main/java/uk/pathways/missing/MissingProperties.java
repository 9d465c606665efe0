package uk.pathways.missing;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.missing.*}: the repeat-missing threshold ({@code repeat.episodes} episodes within
 * {@code repeat.days} days), the names this local authority goes by, and the referrer e-mail a CSE
 * referral started by the missing pathway names. All change without a code change.
 */
@ConfigurationProperties("pathways.missing")
public record MissingProperties(Repeat repeat, List<String> localAuthorityNames, String referrerEmail) {

    public record Repeat(int episodes, int days) {}

    public MissingProperties {
        repeat = repeat == null ? new Repeat(3, 90) : repeat;
        if (repeat.episodes() < 2) {
            throw new IllegalStateException(
                    "pathways.missing.repeat.episodes must be 2 or more, not " + repeat.episodes());
        }
        if (repeat.days() < 1) {
            throw new IllegalStateException("pathways.missing.repeat.days must be 1 or more, not " + repeat.days());
        }
        localAuthorityNames = localAuthorityNames == null ? List.of() : List.copyOf(localAuthorityNames);
        referrerEmail = referrerEmail == null || referrerEmail.isBlank()
                ? "missing-coordinator@pathways.example"
                : referrerEmail;
    }

    /** Whether a placing authority is another authority than this one. */
    public boolean isOtherAuthority(String placingAuthority) {
        if (placingAuthority == null || placingAuthority.isBlank()) {
            return false;
        }
        String name = normalise(placingAuthority);
        return localAuthorityNames.stream().map(MissingProperties::normalise).noneMatch(name::equals);
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
