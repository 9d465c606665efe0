package uk.pathways.cluster;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
 * 100 ms or more to make, slowest first, such as Flyway's migrations ({@code flywayInitializer}) and the process
 * engine with its plugins and deployments ({@code processEngine}). A bean's time includes the beans it needed first.
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
        List<StartupTimeline.TimelineEvent> beans = startup.getBufferedTimeline().getEvents().stream()
                .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .filter(e -> e.getDuration().compareTo(Duration.ofMillis(100)) >= 0)
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration)
                        .reversed())
                .toList();
        for (StartupTimeline.TimelineEvent e : beans) {
            log.info(
                    "Start-up step: bean {} took {} ms",
                    beanName(e.getStartupStep()),
                    e.getDuration().toMillis());
        }
    }

    private static String beanName(StartupStep step) {
        return StreamSupport.stream(step.getTags().spliterator(), false)
                .filter(t -> t.getKey().equals("beanName"))
                .map(StartupStep.Tag::getValue)
                .findFirst()
                .orElse("?");
    }
}
