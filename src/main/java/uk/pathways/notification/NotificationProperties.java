package uk.pathways.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.pathways.agency.Agency;

/**
 * {@code pathways.notification.*}: the sender address, each agency group's mailbox, the statutory agencies
 * told when RISE accepts a young person, how long a send may be in progress before another node may take it
 * over, and an optional directory of templates that override those in the application.
 */
@ConfigurationProperties("pathways.notification")
record NotificationProperties(
        String from,
        Map<String, String> mailboxes,
        List<String> informationSharingAgencies,
        Duration claimTimeout,
        String templatesDir) {

    static final List<String> STATUTORY_AGENCIES = List.of("police", "childrens-services", "health", "education");

    NotificationProperties {
        from = from == null || from.isBlank() ? "Pathways <no-reply@pathways.invalid>" : from;
        mailboxes = mailboxes == null ? Map.of() : Map.copyOf(mailboxes);
        informationSharingAgencies = informationSharingAgencies == null || informationSharingAgencies.isEmpty()
                ? STATUTORY_AGENCIES
                : List.copyOf(informationSharingAgencies);
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(2) : claimTimeout;
        templatesDir = templatesDir == null || templatesDir.isBlank() ? null : templatesDir;
    }

    /** The group's own mailbox, else (for {@code police-managers}) the agency's mailbox. */
    Optional<String> mailboxOf(String group) {
        String own = mailboxes.get(group);
        if (own != null && !own.isBlank()) {
            return Optional.of(own.strip());
        }
        return Agency.ofGroup(group)
                .map(a -> mailboxes.get(a.groupId()))
                .filter(m -> !m.isBlank())
                .map(String::strip);
    }
}
