package uk.pathways.notification;

/** The process that sends one queued e-mail (bpmn/notification-delivery.bpmn). */
public final class NotificationDeliveryProcess {

    public static final String KEY = "notification-delivery";
    public static final String TASK_DELIVER = "deliver-notification";

    /** The outbox row (pw_notification.id); also the process instance's business key. */
    public static final String NOTIFICATION_ID = "notificationId";
    /** For Cockpit readers: the kind of event and the reference the e-mail is about. */
    public static final String NOTIFICATION_EVENT = "notificationEvent";
    public static final String NOTIFICATION_REFERENCE = "notificationReference";

    private NotificationDeliveryProcess() {
    }
}
