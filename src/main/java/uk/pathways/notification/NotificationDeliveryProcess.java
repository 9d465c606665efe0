package uk.pathways.notification;

import java.util.Set;

/**
 * The process that sends the queued e-mails of one step (bpmn/notification-delivery.bpmn): its outbox rows name it
 * ({@code pw_notification.process_instance_id}); its business key is the reference they are about. It writes no
 * history (ADR 21).
 */
public final class NotificationDeliveryProcess {

    public static final String KEY = "notification-delivery";
    public static final String TASK_DELIVER = "deliver-notification";

    /**
     * The outbox row (pw_notification.id) of an instance started before ADR 21, one per e-mail; new instances carry no
     * variables.
     */
    public static final String NOTIFICATION_ID = "notificationId";
    /** Before ADR 21, for Cockpit readers: the kind of event and the reference the e-mail is about. */
    public static final String NOTIFICATION_EVENT = "notificationEvent";

    public static final String NOTIFICATION_REFERENCE = "notificationReference";

    /** Every variable of the process (the model validator's documented list). */
    public static final Set<String> VARIABLES = Set.of(NOTIFICATION_ID, NOTIFICATION_EVENT, NOTIFICATION_REFERENCE);

    private NotificationDeliveryProcess() {}
}
