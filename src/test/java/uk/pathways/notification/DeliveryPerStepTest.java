package uk.pathways.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.MailCatcher;
import uk.pathways.support.MailCatcher.Mail;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;

/**
 * ADR 21: the e-mails of one step share one delivery process, which leaves no engine history (the outbox and the
 * chronology are the record), and the Tasklist's copies of the reference and name on each task write no history.
 * What a practitioner and an administrator see is unchanged: every e-mail arrives once, a failure is retried and then
 * an incident, the task still shows its reference.
 */
@PathwaysTest
class DeliveryPerStepTest {

    @Autowired
    Pathway pathway;

    @Autowired
    MailCatcher mail;

    @Autowired
    Mailroom mailroom;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void restore() {
        ClockUtil.reset();
    }

    @Test
    void theFourInvitationsOfAMeetingAreOneDeliveryJobAndEachArrivesOnce() {
        String caseId = meetingScheduled();
        List<String> deliveries = jdbc.queryForList(
                "select distinct process_instance_id from pw_notification where case_id = ? and event_type = ?",
                String.class,
                caseId,
                "STRATEGY_MEETING_SCHEDULED");
        assertThat(deliveries)
                .as("one delivery process for the notice's four e-mails")
                .hasSize(1);
        List<Job> jobs = managementService
                .createJobQuery()
                .processInstanceId(deliveries.get(0))
                .list();
        assertThat(jobs).hasSize(1);

        managementService.executeJob(jobs.get(0).getId());

        assertEveryInvitationArrivedAndTheStepIsSent(caseId, deliveries.get(0));
    }

    @Test
    void aDeliveryLeavesNoEngineHistoryWhileThePathwayKeepsAll() {
        String caseId = meetingScheduled();
        mailroom.deliver(caseId);
        List<String> deliveries = jdbc.queryForList(
                "select distinct process_instance_id from pw_notification where case_id = ?", String.class, caseId);
        assertThat(deliveries)
                .as("a delivery for each step that e-mailed: referral, screening, meeting")
                .hasSize(3);
        for (String delivery : deliveries) {
            assertThat(historyService
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(delivery)
                            .count())
                    .isZero();
            assertThat(historyService
                            .createHistoricActivityInstanceQuery()
                            .processInstanceId(delivery)
                            .count())
                    .isZero();
            assertThat(historyService
                            .createHistoricJobLogQuery()
                            .processInstanceId(delivery)
                            .count())
                    .isZero();
        }
        assertThat(mail.ofCase(caseId)).isNotEmpty();
        assertThat(caseChronology(caseId, "EMAIL_SENT"))
                .as("the chronology keeps every e-mail sent")
                .isEqualTo(mail.ofCase(caseId).size());
        String referral = pathway.runtime()
                .createProcessInstanceQuery()
                .variableValueEquals(CaseVariables.CASE_ID, caseId)
                .processDefinitionKey("cse-referral")
                .singleResult()
                .getId();
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(referral)
                        .activityId("screening")
                        .count())
                .as("the pathway's own history is written as before")
                .isEqualTo(1);
    }

    @Test
    void theTasklistCopiesOfReferenceAndNameAreOnTheTaskButNotInHistory() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        Task screening = pathway.task(referral.caseId(), "screening");

        Map<String, Object> onTheTask = taskService.getVariablesLocal(screening.getId());
        assertThat(onTheTask)
                .containsEntry(CaseVariables.REFERENCE, referral.reference())
                .containsKey(CaseVariables.CHILD_DISPLAY_NAME);
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .taskIdIn(screening.getId())
                        .list())
                .extracting(HistoricVariableInstance::getName)
                .doesNotContain(CaseVariables.REFERENCE, CaseVariables.CHILD_DISPLAY_NAME);
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(screening.getProcessInstanceId())
                        .variableName(CaseVariables.REFERENCE)
                        .list())
                .as("the process variable keeps its history")
                .extracting(HistoricVariableInstance::getValue, HistoricVariableInstance::getTaskId)
                .containsExactly(tuple(referral.reference(), null));
    }

    @Test
    void anEmailAnotherNodeIsSendingIsLeftToItAndTheRetrySendsOnlyWhatIsUnsent() {
        String caseId = meetingScheduled();
        String delivery = jdbc.queryForObject(
                "select distinct process_instance_id from pw_notification where case_id = ? and event_type = ?",
                String.class,
                caseId,
                "STRATEGY_MEETING_SCHEDULED");
        String busy = jdbc.queryForObject(
                "select id from pw_notification where process_instance_id = ? and recipient = ? and event_type = ?",
                String.class,
                delivery,
                "health@pathways.invalid",
                "STRATEGY_MEETING_SCHEDULED");
        jdbc.update(
                "update pw_notification set status = 'SENDING', claimed_by = 'node-2/synthetic', claimed_at = ? where id = ?",
                Timestamp.from(Instant.now()),
                busy);
        Job job = managementService.createJobQuery().processInstanceId(delivery).singleResult();

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("node-2/synthetic");

        assertThat(mail.ofCase(caseId))
                .filteredOn(m -> m.event().equals("STRATEGY_MEETING_SCHEDULED"))
                .extracting(Mail::to)
                .as("the other three are sent at once")
                .containsExactlyInAnyOrder(
                        "police@pathways.invalid", "education@pathways.invalid", "childrens-services@pathways.invalid");
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(delivery)
                        .singleResult()
                        .getRetries())
                .as("the job stays, to be retried")
                .isPositive();

        // node-2 stopped without sending: its claim is released, as markFailed would leave it
        jdbc.update("update pw_notification set status = 'FAILED', claimed_by = null where id = ?", busy);
        managementService.executeJob(job.getId());

        assertEveryInvitationArrivedAndTheStepIsSent(caseId, delivery);
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(delivery)
                        .count())
                .isZero();
    }

    /** The four invitations arrived, and every e-mail of the meeting's step (the tasks' notices too) is SENT. */
    private void assertEveryInvitationArrivedAndTheStepIsSent(String caseId, String delivery) {
        assertThat(mail.ofCase(caseId))
                .filteredOn(m -> m.event().equals("STRATEGY_MEETING_SCHEDULED"))
                .extracting(Mail::to)
                .containsExactlyInAnyOrder(
                        "police@pathways.invalid",
                        "health@pathways.invalid",
                        "education@pathways.invalid",
                        "childrens-services@pathways.invalid");
        assertThat(statuses(caseId, "STRATEGY_MEETING_SCHEDULED")).containsOnly("SENT");
        assertThat(jdbc.queryForList(
                        "select status from pw_notification where process_instance_id = ?", String.class, delivery))
                .as("every e-mail of the step, the tasks' notices too")
                .containsOnly("SENT");
    }

    /** A HIGH referral screened, its meeting scheduled: the four invitations queued, not yet sent. */
    private String meetingScheduled() {
        Pathway.at(LocalDate.of(2026, 11, 23), 9, 0); // Monday
        ReferralAccepted referral = pathway.refer(14, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of(),
                        "disclosure",
                        true,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic screening notes"));
        mailroom.deliver(caseId);
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("meetingAt", "2026-11-24T14:00", "meetingPlace", "Room 4, synthetic office"));
        return caseId;
    }

    private List<String> statuses(String caseId, String event) {
        return jdbc.queryForList(
                "select status from pw_notification where case_id = ? and event_type = ?", String.class, caseId, event);
    }

    private int caseChronology(String caseId, String type) {
        Integer n = jdbc.queryForObject(
                "select count(*) from pw_chronology where case_id = ? and event_type = ?", Integer.class, caseId, type);
        return n == null ? 0 : n;
    }
}
