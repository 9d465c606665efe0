package uk.pathways.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.MailCatcher;
import uk.pathways.support.MailCatcher.Mail;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;

/** Never lost, never doubled: a mail server that is down, retries that run out, jobs that run twice. */
@PathwaysTest
class NotificationReliabilityTest {

    static final String REFERRER = "sam.example@school.example";

    @Autowired
    Pathway pathway;

    @Autowired
    MailCatcher mail;

    @Autowired
    Mailroom mailroom;

    @Autowired
    CaseFile caseFile;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void restore() {
        mail.start();
        ClockUtil.reset();
    }

    @Test
    void whileTheMailServerIsDownNothingIsLostAndWhenItIsBackEveryEmailArrivesOnce() {
        Pathway.at(LocalDate.of(2026, 11, 23), 9, 0); // Monday
        mail.stop();
        ReferralAccepted screened = pathway.refer(15, List.of());
        ReferralAccepted late = pathway.refer(15, List.of());
        pathway.complete(
                screened.caseId(),
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("OLDER_PARTNER", "SUBSTANCE_MISUSE"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false)); // LOW: early help
        Pathway.at(LocalDate.of(2026, 11, 24), 10, 0); // the late referral's screening was due at 09:00
        pathway.fireDueClocks();

        List<String> cases = List.of(screened.caseId(), late.caseId());
        int queued = rows(cases);
        assertThat(queued).isEqualTo(7);
        for (int attempt = 1; attempt <= 3; attempt++) {
            int failed = cases.stream().mapToInt(mailroom::deliver).sum();
            assertThat(failed)
                    .as("attempt %d while the server is down", attempt)
                    .isEqualTo(queued);
        }
        assertThat(mail.ofCase(screened.caseId())).isEmpty();
        assertThat(jdbc.queryForList(
                        "select status from pw_notification where case_id in (?, ?)",
                        String.class,
                        screened.caseId(),
                        late.caseId()))
                .containsOnly("FAILED");
        assertThat(jdbc.queryForList(
                        "select attempts from pw_notification where case_id in (?, ?)",
                        Integer.class,
                        screened.caseId(),
                        late.caseId()))
                .containsOnly(3);
        assertThat(jdbc.queryForList(
                        "select last_error from pw_notification where case_id = ?", String.class, late.caseId()))
                .allSatisfy(e -> assertThat(e).contains("not sent").contains("mail server"));

        mail.start();
        assertThat(cases.stream().mapToInt(mailroom::deliver).sum()).isZero();
        assertThat(cases.stream().mapToInt(c -> mailroom.jobs(c).size()).sum())
                .as("every delivery job is done")
                .isZero();
        cases.forEach(mailroom::deliver); // nothing left to run: nothing more arrives

        assertThat(mail.ofCase(screened.caseId()))
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("REFERRAL_RECEIVED", REFERRER),
                        tuple("TASK_CREATED", "mash@pathways.invalid"),
                        tuple("SCREENING_DECIDED", REFERRER),
                        tuple("TASK_CREATED", "childrens-services@pathways.invalid")); // the early help plan
        assertThat(mail.ofCase(late.caseId()))
                .extracting(Mail::event, Mail::to)
                .containsExactlyInAnyOrder(
                        tuple("REFERRAL_RECEIVED", REFERRER),
                        tuple("TASK_CREATED", "mash@pathways.invalid"),
                        tuple("TASK_ESCALATED", "mash-manager@pathways.invalid"));
        List<Mail> all = new ArrayList<>(mail.ofCase(screened.caseId()));
        all.addAll(mail.ofCase(late.caseId()));
        assertThat(all).extracting(Mail::notificationId).doesNotHaveDuplicates().hasSize(queued);
        assertThat(jdbc.queryForList(
                        "select status from pw_notification where case_id in (?, ?)",
                        String.class,
                        screened.caseId(),
                        late.caseId()))
                .containsOnly("SENT");
    }

    @Test
    void whenRetriesRunOutTheFailureIsACockpitIncidentAndRetryingThereSendsIt() {
        mail.stop();
        ReferralAccepted referral = pathway.refer(15, List.of());
        String id = notificationId(referral.caseId(), "REFERRAL_RECEIVED");
        String processInstanceId = processInstanceOf(id);

        int runs = 0;
        while (job(processInstanceId).getRetries() > 0 && runs < 10) {
            String jobId = job(processInstanceId).getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("not sent");
            runs++;
        }

        assertThat(runs).as("attempts before the incident (R5/PT1M)").isEqualTo(5);
        Incident incident = runtimeService
                .createIncidentQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getIncidentMessage()).contains("not sent").contains(referral.reference());
        assertThat(jdbc.queryForMap("select status, attempts from pw_notification where id = ?", id))
                .containsEntry("STATUS", "FAILED")
                .containsEntry("ATTEMPTS", 5);
        mailroom.deliver(referral.caseId()); // the job executor leaves a job with no retries alone
        assertThat(job(processInstanceId).getRetries())
                .as("an incident waits for a person")
                .isZero();
        assertThat(jdbc.queryForObject("select attempts from pw_notification where id = ?", Integer.class, id))
                .isEqualTo(5);

        mail.start();
        managementService.setJobRetries(job(processInstanceId).getId(), 1); // what "Retry" in Cockpit does
        managementService.executeJob(job(processInstanceId).getId());

        assertThat(mail.ofCase(referral.caseId()))
                .filteredOn(m -> m.notificationId().equals(id))
                .hasSize(1);
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .as("delivered: its process ended")
                .isZero();
        assertThat(jdbc.queryForObject("select status from pw_notification where id = ?", String.class, id))
                .isEqualTo("SENT");
    }

    @Test
    void aJobThatRunsAgainAfterSendingSendsNothingMore() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String id = notificationId(referral.caseId(), "REFERRAL_RECEIVED");
        String processInstanceId = processInstanceOf(id);
        String jobId = job(processInstanceId).getId();

        // the job sends, then its own transaction is lost (a node stopping, a lock that expired)
        TransactionTemplate crashing = new TransactionTemplate(transactions);
        crashing.executeWithoutResult(status -> {
            managementService.executeJob(jobId);
            status.setRollbackOnly();
        });
        assertThat(job(processInstanceId).getId())
                .as("the job is still there to run again")
                .isEqualTo(jobId);
        assertThat(sentCopies(referral.caseId(), id)).isEqualTo(1);

        managementService.executeJob(jobId);

        assertThat(sentCopies(referral.caseId(), id)).as("sent once").isEqualTo(1);
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
        assertThat(caseFile.chronology(referral.caseId()))
                .filteredOn(
                        e -> e.eventType().equals("EMAIL_SENT") && e.summary().contains(REFERRER))
                .hasSize(1);
    }

    @Test
    void twoNodesRunningTheSameJobAtOnceSendOnce() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String id = notificationId(referral.caseId(), "REFERRAL_RECEIVED");
        String jobId = job(processInstanceOf(id)).getId();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    try {
                        managementService.executeJob(jobId);
                    } catch (RuntimeException lost) {
                        // the other node had it: its job failed or was gone
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        mailroom.deliver(referral.caseId()); // whatever is left over, as the job executor would retry it

        assertThat(sentCopies(referral.caseId(), id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from pw_notification where id = ?", String.class, id))
                .isEqualTo("SENT");
    }

    @Test
    void aSendInProgressElsewhereIsLeftAloneButOneAbandonedByAStoppedNodeIsTakenOver() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        String id = notificationId(referral.caseId(), "REFERRAL_RECEIVED");
        String processInstanceId = processInstanceOf(id);
        claimAsAnotherNode(id, Now.instant());

        assertThatThrownBy(() ->
                        managementService.executeJob(job(processInstanceId).getId()))
                .hasMessageContaining("is being sent by other-node/1");
        assertThat(sentCopies(referral.caseId(), id)).isZero();

        claimAsAnotherNode(id, Now.instant().minusSeconds(600)); // it began ten minutes ago and never finished
        managementService.executeJob(job(processInstanceId).getId());

        assertThat(sentCopies(referral.caseId(), id)).isEqualTo(1);
        assertThat(jdbc.queryForMap("select status, last_error from pw_notification where id = ?", id))
                .containsEntry("STATUS", "SENT")
                .hasEntrySatisfying(
                        "LAST_ERROR", e -> assertThat(e.toString()).contains("Taken over from other-node/1"));
        Mail sent = mail.ofCase(referral.caseId()).stream()
                .filter(m -> m.notificationId().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(sent.messageId())
                .as("a copy would carry the same Message-ID")
                .isEqualTo("<" + id + "@pathways.notification>");
    }

    // --- helpers

    private int rows(List<String> cases) {
        return cases.stream()
                .mapToInt(c ->
                        jdbc.queryForObject("select count(*) from pw_notification where case_id = ?", Integer.class, c))
                .sum();
    }

    private String notificationId(String caseId, String event) {
        return jdbc.queryForObject(
                "select id from pw_notification where case_id = ? and event_type = ?", String.class, caseId, event);
    }

    private String processInstanceOf(String id) {
        return jdbc.queryForObject("select process_instance_id from pw_notification where id = ?", String.class, id);
    }

    private Job job(String processInstanceId) {
        return managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
    }

    private long sentCopies(String caseId, String id) {
        return mail.ofCase(caseId).stream()
                .filter(m -> id.equals(m.notificationId()))
                .count();
    }

    private void claimAsAnotherNode(String id, Instant at) {
        jdbc.update(
                "update pw_notification set status = 'SENDING', claimed_by = 'other-node/1', claimed_at = ? where id = ?",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                id);
    }
}
