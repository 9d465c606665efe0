package uk.pathways.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Now;
import uk.pathways.step.StepCache;

/**
 * Queues e-mails in the caller's transaction: one outbox row per recipient, keyed by event, occurrence and
 * recipient so that the same e-mail is never queued twice, and one {@code notification-delivery} process per
 * transaction whose asynchronous job sends its e-mails once that transaction has committed. Nothing is queued if the
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
    private final StepCache steps;

    private static final StepCache.Kind DELIVERY = new StepCache.Kind("the step's notification-delivery process");

    Outbox(
            NotificationRepository repository,
            Recipients recipients,
            RuntimeService runtimeService,
            Privileged system,
            ObjectMapper json,
            StepCache steps,
            @Value("${pathways.base-url:http://localhost:8080}") String baseUrl) {
        this.repository = repository;
        this.recipients = recipients;
        this.runtimeService = runtimeService;
        this.system = system;
        this.json = json;
        this.steps = steps;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Queues the notice's e-mails; returns the ids of the rows it wrote (none for an e-mail already queued). The
     * e-mails of every notice of the step (the transaction) share one delivery process (ADR 21), whose job sends each
     * row on its own claim once the step has committed.
     */
    @Transactional
    List<String> enqueue(Notifiable notice) {
        Recipients.Resolution resolution = recipients.resolve(notice.mailRecipients());
        Map<String, Recipients.Address> byKey = new LinkedHashMap<>();
        for (Recipients.Address address : resolution.addresses()) {
            byKey.putIfAbsent(key(notice, address.email().toLowerCase(Locale.ROOT)), address);
        }
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (String nobody : resolution.unresolved()) {
            unresolved.putIfAbsent(key(notice, nobody), nobody);
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.addAll(unresolved.keySet());
        Set<String> queuedBefore = repository.existing(keys);
        byKey.keySet().removeAll(queuedBefore);
        unresolved.keySet().removeAll(queuedBefore);
        List<String> queued = new ArrayList<>();
        List<NotificationRow> rows = new ArrayList<>();
        if (!byKey.isEmpty()) {
            // one delivery process per step: the notices of one transaction share it (its job runs after commit)
            String processInstanceId = steps.get(
                    DELIVERY,
                    "",
                    () -> system.call(() -> runtimeService
                            .startProcessInstanceByKey(NotificationDeliveryProcess.KEY, businessKey(notice))
                            .getId()));
            byKey.forEach((key, address) -> {
                String id = UUID.randomUUID().toString();
                Map<String, Object> model = model(notice);
                model.put("recipientName", address.name());
                rows.add(row(
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
            });
        }
        unresolved.forEach((key, nobody) -> {
            log.warn(
                    "No e-mail address for {} ({} on {}): configure pathways.notification.mailboxes or the user's e-mail",
                    nobody,
                    notice.eventType(),
                    notice.reference());
            rows.add(row(
                    UUID.randomUUID().toString(),
                    key,
                    notice,
                    model(notice),
                    nobody,
                    null,
                    NotificationRow.NO_RECIPIENT,
                    "No e-mail address for " + nobody,
                    null));
        });
        repository.insertAll(rows);
        return queued;
    }

    /** For Cockpit's readers: the reference the step's e-mails are about (its first notice's), else its kind. */
    private static String businessKey(Notifiable notice) {
        return NotificationRepository.truncate(
                notice.reference() == null ? notice.eventType() : notice.reference(), 255);
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
