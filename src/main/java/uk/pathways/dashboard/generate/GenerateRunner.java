package uk.pathways.dashboard.generate;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code generate}: fills the database with synthetic history through the real pathways, then stops.
 * <pre>
 * ./mvnw spring-boot:run -Dspring-boot.run.profiles=generate,postgres \
 *   -Dspring-boot.run.arguments="--pathways.generate.years=2 --pathways.generate.referrals=10000"
 * </pre>
 */
@Component
@Profile("generate")
class GenerateRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerateRunner.class);

    private final SyntheticHistory history;
    private final ConfigurableApplicationContext context;
    private final int referrals;
    private final double years;
    private final long seed;
    private final boolean exit;

    GenerateRunner(
            SyntheticHistory history,
            ConfigurableApplicationContext context,
            @Value("${pathways.generate.referrals:1000}") int referrals,
            @Value("${pathways.generate.years:2}") double years,
            @Value("${pathways.generate.seed:20151}") long seed,
            @Value("${pathways.generate.exit:true}") boolean exit) {
        this.history = history;
        this.context = context;
        this.referrals = referrals;
        this.years = years;
        this.seed = seed;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info(
                "Generating {} synthetic referrals over {} years through the pathways (seed {})",
                referrals,
                years,
                seed);
        SyntheticHistory.Result result = history.generate(referrals, years, Instant.now(), seed);
        log.info(
                "Synthetic history done: {} referrals ({} stopped early), {} tasks completed, {} clocks fired, {} disruption register entries in {} s ({} referrals a second)",
                result.referrals(),
                result.stoppedEarly(),
                result.tasksCompleted(),
                result.clocksFired(),
                result.disruptions(),
                result.took().toSeconds(),
                String.format("%.2f", result.referralsPerSecond()));
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
