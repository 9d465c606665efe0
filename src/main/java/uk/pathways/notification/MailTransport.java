package uk.pathways.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The SMTP server, when one is configured ({@code spring.mail.host}, {@code spring.mail.port}). Without one,
 * Pathways records the e-mails it would send (status RECORDED, readable at {@code GET /api/admin/notifications}).
 * Each message has a Message-ID made from its outbox id, so that a copy (the one case the outbox cannot rule
 * out: a node stopping between the server's acceptance and the outbox's update) is the same message.
 */
@Component
class MailTransport {

    static final String HEADER_NOTIFICATION = "X-Pathways-Notification";
    static final String HEADER_EVENT = "X-Pathways-Event";
    static final String HEADER_REFERENCE = "X-Pathways-Reference";
    static final String HEADER_CASE = "X-Pathways-Case";

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;

    MailTransport(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellWhereMailGoes(ApplicationReadyEvent ready) {
        boolean demo = ready.getApplicationContext().getEnvironment().matchesProfiles("demo");
        Logger log = LoggerFactory.getLogger(MailTransport.class);
        if (configured()) {
            log.info("E-mail notifications go to the mail server of spring.mail.host");
            properties.mailboxes().forEach((group, address) -> {
                if (!demo && address.strip().endsWith(".invalid")) {
                    log.warn(
                            "pathways.notification.mailboxes.{} is still the demo address {}: set the agency's real mailbox",
                            group,
                            address);
                }
            });
        } else {
            log.info("No mail server configured (spring.mail.host): e-mails are recorded, not sent; "
                    + "administrators read them at GET /api/admin/notifications");
        }
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    void send(NotificationRow row, MailTemplates.RenderedMail mail) throws MessagingException {
        JavaMailSender mailSender = sender.getObject();
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(row.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        message.setHeader("Message-ID", "<" + row.id() + "@pathways.notification>");
        message.setHeader(HEADER_NOTIFICATION, row.id());
        message.setHeader(HEADER_EVENT, row.eventType());
        if (row.reference() != null) {
            message.setHeader(HEADER_REFERENCE, row.reference());
        }
        if (row.caseId() != null) {
            message.setHeader(HEADER_CASE, row.caseId());
        }
        mailSender.send(message);
    }
}
