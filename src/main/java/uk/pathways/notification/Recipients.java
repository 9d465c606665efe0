package uk.pathways.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.agency.Privileged;

/** Turns {@link Recipient}s into e-mail addresses: configured mailboxes, Camunda users and group members. */
@Component
class Recipients {

    /** One address to send to, with the name the e-mail greets. */
    record Address(String email, String name) {}

    /** The addresses found, and the recipients nobody could be found for (they are recorded as NO_RECIPIENT). */
    record Resolution(List<Address> addresses, List<String> unresolved) {}

    private final NotificationProperties properties;
    private final IdentityService identityService;
    private final Privileged system;

    Recipients(NotificationProperties properties, IdentityService identityService, Privileged system) {
        this.properties = properties;
        this.identityService = identityService;
        this.system = system;
    }

    Resolution resolve(List<Recipient> recipients) {
        Map<String, Address> found = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        for (Recipient recipient : recipients) {
            List<Address> addresses = switch (recipient.kind()) {
                case MAILBOX ->
                    properties
                            .mailboxOf(recipient.value())
                            .map(m -> List.of(new Address(m, groupName(recipient.value()))))
                            .orElse(List.of());
                case USER -> system.call(() -> user(recipient.value())).stream().toList();
                case GROUP_MEMBERS -> system.call(() -> members(recipient.value()));
                case ADDRESS ->
                    valid(recipient.value())
                            ? List.of(new Address(recipient.value().strip(), null))
                            : List.of();
            };
            if (addresses.isEmpty()) {
                unresolved.add(recipient.toString());
            }
            for (Address address : addresses) {
                found.putIfAbsent(address.email().toLowerCase(Locale.ROOT), address);
            }
        }
        return new Resolution(List.copyOf(found.values()), unresolved);
    }

    private Optional<Address> user(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || !valid(user.getEmail()) ? Optional.empty() : Optional.of(address(user));
    }

    private List<Address> members(String group) {
        return identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .filter(u -> valid(u.getEmail()))
                .map(Recipients::address)
                .toList();
    }

    private static Address address(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return new Address(user.getEmail().strip(), name.isEmpty() ? user.getId() : name);
    }

    private static boolean valid(String email) {
        return email != null && email.strip().matches("[^@\\s]+@[^@\\s]+");
    }

    /** "Police", "Police managers", or the group id where it is no agency's. */
    static String groupName(String group) {
        return Agency.ofGroup(group)
                .map(a -> group.endsWith(Agency.MANAGERS_SUFFIX) ? a.displayName() + " managers" : a.displayName())
                .orElse(group);
    }
}
