package uk.pathways.notification;

import java.util.Set;

/** The process that sends one queued e-mail (bpmn/notification-delivery.bpmn). */
public final class NotificationDeliveryProcess {

    public static final String KEY = "notification-delivery";
    public static final String TASK_DELIVER = "deliver-notification";

    /** The outbox row (pw_notification.id); also the process instance's business key. */
    public static final String NOTIFICATION_ID = "notificationId";
    /** For Cockpit readers: the kind of event and the reference the e-mail is about. */
    public static final String NOTIFICATION_EVENT = "notificationEvent";

    public static final String NOTIFICATION_REFERENCE = "notificationReference";

    /** Every variable of the process (the model validator's documented list). */
    public static final Set<String> VARIABLES = Set.of(NOTIFICATION_ID, NOTIFICATION_EVENT, NOTIFICATION_REFERENCE);

    private NotificationDeliveryProcess() {}
}
