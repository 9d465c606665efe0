package uk.pathways.cluster;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * What start-up spends its time on (B5, issue 20), when Pathways is started with {@code -Dpathways.startup-steps=true}
 * ({@code PathwaysApplication} then records Spring's start-up steps): at ready, one log line per bean that took
 * 50 ms or more of its own to make, slowest first, such as Flyway's migrations ({@code flywayInitializer}) and the process
 * engine with its plugins and deployments ({@code processEngine}). A bean's time includes the beans it needed first;
 * its own time does not.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    /** The system property that turns the recording on. */
    static final String PROPERTY = "pathways.startup-steps";

    private final org.springframework.context.ApplicationContext context;

    StartupReport(org.springframework.context.ApplicationContext context) {
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!(context instanceof org.springframework.context.ConfigurableApplicationContext configurable)
                || !(configurable.getApplicationStartup() instanceof BufferingApplicationStartup startup)) {
            return;
        }
        List<StartupTimeline.TimelineEvent> events =
                startup.getBufferedTimeline().getEvents();
        for (String line : lines(events)) {
            log.info(line);
        }
    }

    /**
     * One line per bean whose own time was 50 ms or more, slowest first. A bean's own time is its time less the time of
     * the steps it started (the beans it needed first), so the lines do not count the same work twice.
     */
    static List<String> lines(List<StartupTimeline.TimelineEvent> events) {
        Map<Long, Duration> children = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, e.getDuration(), Duration::plus);
            }
        }
        record Bean(String name, Duration total, Duration own) {}
        return events.stream()
                .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .map(e -> new Bean(
                        beanName(e.getStartupStep()),
                        e.getDuration(),
                        e.getDuration()
                                .minus(children.getOrDefault(e.getStartupStep().getId(), Duration.ZERO))))
                .filter(b -> b.own().compareTo(Duration.ofMillis(50)) >= 0)
                .sorted(Comparator.comparing(Bean::own).reversed())
                .map(b -> String.format(
                        "Start-up step: bean %s took %d ms of its own (%d ms with the beans it needed)",
                        b.name(), b.own().toMillis(), b.total().toMillis()))
                .toList();
    }

    private static String beanName(StartupStep step) {
        return StreamSupport.stream(step.getTags().spliterator(), false)
                .filter(t -> t.getKey().equals("beanName"))
                .map(StartupStep.Tag::getValue)
                .findFirst()
                .orElse("?");
    }
}
