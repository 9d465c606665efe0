package uk.pathways.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import uk.pathways.missing.MissingChildReported;
import uk.pathways.missing.PlacingAuthorityNotified;
import uk.pathways.missing.ReturnHomeInterviewRecorded;

/**
 * E-mails of the missing-children pathway (issue #5): children's services (and the groups the report names)
 * told at once of a missing child; the placing authority told of the episode and of the return; the police
 * told when a return home interview has information for them. Each becomes a {@link Notifiable} queued in
 * the business transaction. A placing authority's address comes from
 * {@code pathways.notification.placing-authorities.<name>}; without one, the Missing Young Person's
 * Co-ordinator's mailbox gets it to pass on. No name, story or intelligence in any of them.
 */
@Component
class MissingChildrenMail {

    private final ApplicationEventPublisher events;
    private final Environment environment;

    MissingChildrenMail(ApplicationEventPublisher events, Environment environment) {
        this.events = events;
        this.environment = environment;
    }

    record MissingNotice(
            String caseId,
            String reference,
            String eventType,
            String occurrenceKey,
            List<Recipient> mailRecipients,
            Map<String, Object> mailModel)
            implements Notifiable {}

    @EventListener
    void on(MissingChildReported reported) {
        List<Recipient> recipients = new ArrayList<>();
        reported.recipientGroups().forEach(group -> recipients.add(Recipient.mailbox(group)));
        events.publishEvent(new MissingNotice(
                reported.caseId(),
                reported.reference(),
                "MISSING_REPORTED",
                reported.reference(),
                recipients,
                Map.of(
                        "headline",
                        "A child has been reported missing: " + reported.reference(),
                        "details",
                        List.of(
                                "Police risk: " + reported.policeRisk(),
                                "Police reference: " + reported.policeReference()),
                        "due",
                        "Now")));
    }

    @EventListener
    void on(PlacingAuthorityNotified told) {
        String address =
                environment.getProperty("pathways.notification.placing-authorities." + told.placingAuthority());
        Recipient recipient = address != null && !address.isBlank()
                ? Recipient.address(address)
                : Recipient.mailbox("missing-coordinator");
        boolean returned = PlacingAuthorityNotified.RETURNED.equals(told.about());
        events.publishEvent(new MissingNotice(
                told.caseId(),
                told.reference(),
                "PLACING_AUTHORITY_TOLD",
                told.reference() + ":" + told.about(),
                List.of(recipient),
                Map.of(
                        "headline",
                        (returned
                                        ? "A child placed by your authority has returned: "
                                        : "A child placed by your authority is missing: ")
                                + told.reference(),
                        "details",
                        List.of(
                                "For the placing authority: " + told.placingAuthority(),
                                told.outOfArea()
                                        ? "The placement is out of area."
                                        : "The child is placed here by another authority."),
                        "due",
                        returned ? "A return home interview within 72 hours" : "Now")));
    }

    @EventListener
    void on(ReturnHomeInterviewRecorded interview) {
        if (!interview.informationForPolice()) {
            return;
        }
        events.publishEvent(new MissingNotice(
                interview.caseId(),
                interview.reference(),
                "RHI_INFORMATION_FOR_POLICE",
                interview.reference(),
                List.of(Recipient.mailbox("police")),
                Map.of(
                        "headline",
                        "A return home interview has information for the police: " + interview.reference(),
                        "details",
                        List.of("A police intelligence task is waiting in the Tasklist."),
                        "due",
                        "See the task")));
    }
}
