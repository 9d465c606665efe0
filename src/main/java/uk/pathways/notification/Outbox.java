package uk.pathways.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Now;

/**
 * Queues e-mails in the caller's transaction: one outbox row per recipient, keyed by event, occurrence and
 * recipient so that the same e-mail is never queued twice, and one {@code notification-delivery} process
 * whose asynchronous job sends it once that transaction has committed. Nothing is queued if the
 * transaction rolls back; nothing queued is lost if the mail server is down.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final NotificationRepository repository;
    private final Recipients recipients;
    private final RuntimeService runtimeService;
    private final Privileged system;
    private final ObjectMapper json;
    private final String baseUrl;

    Outbox(
            NotificationRepository repository,
            Recipients recipients,
            RuntimeService runtimeService,
            Privileged system,
            ObjectMapper json,
            @Value("${pathways.base-url:http://localhost:8080}") String baseUrl) {
        this.repository = repository;
        this.recipients = recipients;
        this.runtimeService = runtimeService;
        this.system = system;
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Queues the notice's e-mails; returns the ids of the rows it wrote (none for an e-mail already queued). */
    @Transactional
    List<String> enqueue(Notifiable notice) {
        Recipients.Resolution resolution = recipients.resolve(notice.mailRecipients());
        List<String> queued = new ArrayList<>();
        for (Recipients.Address address : resolution.addresses()) {
            String key = key(notice, address.email().toLowerCase(Locale.ROOT));
            if (repository.exists(key)) {
                continue;
            }
            String id = UUID.randomUUID().toString();
            Map<String, Object> model = model(notice);
            model.put("recipientName", address.name());
            String processInstanceId = system.call(() -> runtimeService
                    .startProcessInstanceByKey(
                            NotificationDeliveryProcess.KEY,
                            id,
                            Variables.createVariables()
                                    .putValue(NotificationDeliveryProcess.NOTIFICATION_ID, id)
                                    .putValue(NotificationDeliveryProcess.NOTIFICATION_EVENT, notice.eventType())
                                    .putValue(NotificationDeliveryProcess.NOTIFICATION_REFERENCE, notice.reference()))
                    .getId());
            repository.insert(row(
                    id,
                    key,
                    notice,
                    model,
                    address.email(),
                    address.name(),
                    NotificationRow.PENDING,
                    null,
                    processInstanceId));
            queued.add(id);
        }
        for (String nobody : resolution.unresolved()) {
            String key = key(notice, nobody);
            if (!repository.exists(key)) {
                log.warn(
                        "No e-mail address for {} ({} on {}): configure pathways.notification.mailboxes or the user's e-mail",
                        nobody,
                        notice.eventType(),
                        notice.reference());
                repository.insert(row(
                        UUID.randomUUID().toString(),
                        key,
                        notice,
                        model(notice),
                        nobody,
                        null,
                        NotificationRow.NO_RECIPIENT,
                        "No e-mail address for " + nobody,
                        null));
            }
        }
        return queued;
    }

    /** What every e-mail may show besides the notice's own model: reference, kind of event, links. */
    private Map<String, Object> model(Notifiable notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", notice.reference());
        model.put("eventType", notice.eventType());
        model.put("tasklistLink", baseUrl + "/tasks");
        if (notice.caseId() != null) {
            model.put("caseLink", baseUrl + "/cases/" + notice.caseId());
        }
        model.putAll(notice.mailModel());
        return model;
    }

    String taskLink(String taskId) {
        return baseUrl + "/tasks/" + taskId;
    }

    private NotificationRow row(
            String id,
            String key,
            Notifiable notice,
            Map<String, Object> model,
            String recipient,
            String recipientName,
            String status,
            String error,
            String processInstanceId) {
        return new NotificationRow(
                id,
                key,
                notice.caseId(),
                notice.reference(),
                notice.eventType(),
                notice.mailTemplate(),
                toJson(model),
                recipient,
                recipientName,
                null,
                null,
                null,
                status,
                0,
                Now.instant(),
                null,
                null,
                null,
                null,
                error,
                processInstanceId);
    }

    static String key(Notifiable notice, String recipient) {
        return NotificationRepository.truncate(
                notice.eventType() + ":" + notice.occurrenceKey() + ":" + recipient, 600);
    }

    private String toJson(Map<String, Object> model) {
        try {
            return json.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The e-mail's model is not plain data: " + e.getOriginalMessage(), e);
        }
    }
}
