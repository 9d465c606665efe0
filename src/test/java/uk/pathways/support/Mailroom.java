package uk.pathways.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the e-mail delivery jobs of a case as the job executor would (tests run with it off): each queued
 * e-mail of the case (pw_notification) names the notification-delivery process whose one job sends it (one process
 * per step, ADR 21: a job may carry several e-mails).
 */
@Component
public class Mailroom {

    private final ManagementService managementService;
    private final JdbcTemplate jdbc;

    Mailroom(ManagementService managementService, JdbcTemplate jdbc) {
        this.managementService = managementService;
        this.jdbc = jdbc;
    }

    /** The delivery jobs still waiting for the case's e-mails. */
    public List<Job> jobs(String caseId) {
        List<Job> jobs = new ArrayList<>();
        for (String processInstanceId : jdbc.queryForList(
                "select distinct process_instance_id from pw_notification where case_id = ? and process_instance_id is not null",
                String.class,
                caseId)) {
            jobs.addAll(managementService
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .list());
        }
        return jobs;
    }

    /**
     * Runs every waiting delivery job of the case once; returns how many of the case's e-mails those jobs left unsent
     * (their jobs stay, to be retried).
     */
    public int deliver(String caseId) {
        int failed = 0;
        for (Job job : jobs(caseId)) {
            if (job.getRetries() == 0) {
                continue; // an incident: only a retry in Cockpit runs it again
            }
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                failed += jdbc.queryForObject(
                        "select count(*) from pw_notification where process_instance_id = ? and case_id = ? and status <> 'SENT'",
                        Integer.class,
                        job.getProcessInstanceId(),
                        caseId);
            }
        }
        return failed;
    }
}
