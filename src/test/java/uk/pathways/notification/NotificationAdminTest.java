package uk.pathways.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.casefile.CaseFile;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.MailCatcher;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;

/** Without a mail server e-mails are recorded, not sent, and administrators read them at /api/admin/notifications. */
@PathwaysTest
class NotificationAdminTest {

    static final String PASSWORD = "Demo!Password1";

    @Autowired
    Pathway pathway;

    @Autowired
    CaseFile caseFile;

    @Autowired
    MailCatcher mail;

    @Autowired
    Mailroom mailroom;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    NotificationRepository repository;

    @Autowired
    MailTemplates templates;

    @Autowired
    NotificationProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ObjectMapper json;

    /** Delivery as it runs when spring.mail.host is not set (the embedded default). */
    private Delivery withoutAMailServer() {
        MailTransport none =
                new MailTransport(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), properties);
        assertThat(none.configured()).isFalse();
        return new Delivery(repository, templates, none, transactions, events, properties, json);
    }

    @Test
    void withoutAMailServerTheEmailIsRecordedNotSentAndTheJobDoesNotSendItLater() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String id = jdbc.queryForObject(
                "select id from pw_notification where case_id = ? and event_type = 'REFERRAL_RECEIVED'",
                String.class,
                referral.caseId());

        assertThat(withoutAMailServer().deliver(id)).isEqualTo("RECORDED");
        assertThat(withoutAMailServer().deliver(id)).as("twice is once").isEqualTo("RECORDED");
        mailroom.deliver(referral.caseId()); // the job, later, finds it done

        assertThat(mail.ofCase(referral.caseId())).noneMatch(m -> id.equals(m.notificationId()));
        assertThat(jdbc.queryForMap("select status, subject, body_text from pw_notification where id = ?", id))
                .containsEntry("STATUS", "RECORDED")
                .hasEntrySatisfying("SUBJECT", s -> assertThat(s.toString()).contains(referral.reference()))
                .hasEntrySatisfying("BODY_TEXT", b -> assertThat(b.toString()).contains(referral.reference()));
        assertThat(caseFile.chronology(referral.caseId()))
                .filteredOn(e -> e.eventType().equals("EMAIL_RECORDED"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.summary()).contains("recorded, not sent").contains("sam.example@school.example"));
    }

    @Test
    void administratorsReadTheNotificationsAndNobodyElseDoes() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        mailroom.deliver(referral.caseId());
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();

        mvc.perform(get("/api/admin/notifications")
                        .param("caseId", referral.caseId())
                        .with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(2)))
                .andExpect(jsonPath("$[*].eventType", hasItem("REFERRAL_RECEIVED")))
                .andExpect(jsonPath("$[*].eventType", hasItem("TASK_CREATED")))
                .andExpect(jsonPath("$[*].status", everyItem(is("SENT"))))
                .andExpect(jsonPath("$[*].reference", everyItem(is(referral.reference()))))
                .andExpect(jsonPath("$[*].recipient", hasItem("sam.example@school.example")))
                .andExpect(jsonPath("$[0].bodyText").isString());
        mvc.perform(get("/api/admin/notifications")
                        .param("status", "sent")
                        .param("limit", "1")
                        .with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(1)));
        mvc.perform(get("/api/admin/notifications").param("status", "LOST").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("status")));
        mvc.perform(get("/api/admin/notifications").with(httpBasic("mash-manager", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/notifications")).andExpect(status().isUnauthorized());
    }
}
