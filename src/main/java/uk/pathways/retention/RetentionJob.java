package uk.pathways.retention;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;

/**
 * The nightly retention run (02:30 UK time by default, {@code pathways.retention.cron}): the dry-run report, or the
 * erasure once {@code pathways.retention.erase} is on. One node of a cluster runs each night.
 */
@Component
class RetentionJob {

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${pathways.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    void tonight() {
        retention.runNight(Now.today());
    }
}
