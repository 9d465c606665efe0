package uk.pathways.notification;

import java.util.Objects;

/**
 * Someone to e-mail, resolved when the e-mail is queued: an agency group's mailbox
 * ({@code pathways.notification.mailboxes.<group>}), a Camunda user's e-mail, the e-mails of every member
 * of a Camunda group, or a plain address.
 */
public record Recipient(Kind kind, String value) {

    public enum Kind {
        MAILBOX,
        USER,
        GROUP_MEMBERS,
        ADDRESS
    }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** The mailbox configured for an agency group ({@code police}, {@code rise-managers}, ...). */
    public static Recipient mailbox(String group) {
        return new Recipient(Kind.MAILBOX, group);
    }

    /** A Camunda user's e-mail address. */
    public static Recipient user(String userId) {
        return new Recipient(Kind.USER, userId);
    }

    /** Every member of a Camunda group who has an e-mail address. */
    public static Recipient membersOf(String group) {
        return new Recipient(Kind.GROUP_MEMBERS, group);
    }

    /** An address given by the event (a referrer outside the agencies, a placing authority). */
    public static Recipient address(String email) {
        return new Recipient(Kind.ADDRESS, email);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MAILBOX -> "mailbox of " + value;
            case USER -> "user " + value;
            case GROUP_MEMBERS -> "members of " + value;
            case ADDRESS -> value;
        };
    }
}
