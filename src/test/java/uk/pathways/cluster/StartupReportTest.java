package uk.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/** B5's start-up report: a bean's own time leaves out the beans it needed first, so no work is counted twice. */
class StartupReportTest {

    @Test
    void eachBeanIsReportedWithItsOwnTimeSlowestFirst() throws InterruptedException {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100);
        StartupStep needing = bean(startup, "auditTrail");
        Thread.sleep(60);
        StartupStep needed = bean(startup, "dataSource");
        Thread.sleep(150);
        needed.end();
        needing.end();
        bean(startup, "quick").end();

        List<String> lines = StartupReport.lines(startup.getBufferedTimeline().getEvents());

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Start-up step: bean dataSource took ");
        assertThat(lines.get(1)).startsWith("Start-up step: bean auditTrail took ");
        assertThat(millis(lines.get(1), "took ")).isBetween(55L, 149L);
        assertThat(millis(lines.get(1), "(")).isGreaterThanOrEqualTo(210L);
    }

    private static StartupStep bean(BufferingApplicationStartup startup, String name) {
        return startup.start("spring.beans.instantiate").tag("beanName", name);
    }

    private static long millis(String line, String after) {
        String rest = line.substring(line.indexOf(after) + after.length());
        return Long.parseLong(rest.substring(0, rest.indexOf(' ')));
    }
}
