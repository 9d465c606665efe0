package uk.pathways;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pathways: the multi-agency CSE and missing children referral pathway platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PathwaysApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PathwaysApplication.class);
        if (Boolean.getBoolean("pathways.startup-steps")) {
            // B5 (docs/benchmarks.md): what start-up spends its time on, logged at ready (cluster.StartupReport)
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        application.run(args);
    }
}
