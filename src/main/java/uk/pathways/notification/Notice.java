package uk.pathways.notification;

import java.util.List;
import java.util.Map;

/** A notification of one of Pathways' own events, as {@link PathwayNotices} words it. */
record Notice(
        String caseId,
        String reference,
        String eventType,
        String occurrenceKey,
        String mailTemplate,
        List<Recipient> mailRecipients,
        Map<String, Object> mailModel)
        implements Notifiable {}
