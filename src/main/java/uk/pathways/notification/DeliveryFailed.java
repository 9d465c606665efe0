package uk.pathways.notification;

/**
 * An e-mail could not be sent this time. Thrown out of the delivery job, so that the job executor retries it
 * and, when the retries run out, Cockpit shows the message as the incident's.
 */
class DeliveryFailed extends RuntimeException {

    DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
