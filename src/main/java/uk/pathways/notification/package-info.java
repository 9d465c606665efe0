/** E-mail notifications: an outbox row written with each pathway event, sent once by its own Camunda job. */
package uk.pathways.notification;
