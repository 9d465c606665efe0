package uk.pathways.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server (GreenMail) for the tests, on a free port of 127.0.0.1: it points the application's
 * mail sender ({@code spring.mail.host} in application-test.yml) at itself. Tests may stop and start it.
 */
@Component
public class MailCatcher implements DisposableBean {

    /** One e-mail as it arrived. */
    public record Mail(
            String to,
            String from,
            String subject,
            String text,
            String html,
            String event,
            String reference,
            String caseId,
            String notificationId,
            String messageId) {

        /** Everything a reader of the e-mail sees. */
        public String everything() {
            return subject + "\n" + text + "\n" + html;
        }
    }

    private final GreenMail greenMail;

    /** Starts only where the context has a mail sender (the test profile); a run without one records e-mails. */
    MailCatcher(ObjectProvider<JavaMailSenderImpl> senders) {
        JavaMailSenderImpl sender = senders.getIfAvailable();
        if (sender == null) {
            this.greenMail = null;
            return;
        }
        int port = freePort();
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
    }

    public void stop() {
        server().stop();
    }

    public void start() {
        if (!server().isRunning()) {
            server().start();
        }
    }

    public boolean running() {
        return greenMail != null && greenMail.isRunning();
    }

    /** Every e-mail received since the context started (one per recipient). */
    public List<Mail> received() {
        return Arrays.stream(server().getReceivedMessages())
                .map(MailCatcher::read)
                .toList();
    }

    private GreenMail server() {
        if (greenMail == null) {
            throw new IllegalStateException(
                    "No mail sender in this context: set spring.mail.host (the test profile does)");
        }
        return greenMail;
    }

    /** The e-mails about one case (header X-Pathways-Case). */
    public List<Mail> ofCase(String caseId) {
        return received().stream().filter(m -> caseId.equals(m.caseId())).toList();
    }

    private static Mail read(MimeMessage message) {
        try {
            List<String> texts = new ArrayList<>();
            List<String> htmls = new ArrayList<>();
            collect(message, texts, htmls);
            return new Mail(
                    message.getAllRecipients()[0].toString(),
                    message.getFrom()[0].toString(),
                    message.getSubject(),
                    String.join("\n", texts),
                    String.join("\n", htmls),
                    header(message, "X-Pathways-Event"),
                    header(message, "X-Pathways-Reference"),
                    header(message, "X-Pathways-Case"),
                    header(message, "X-Pathways-Notification"),
                    message.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, List<String> texts, List<String> htmls)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            texts.add(part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            htmls.add(part.getContent().toString());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, texts, htmls);
            }
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
