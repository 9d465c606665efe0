package uk.pathways.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * B1 in memory (H2), for a CPU profile of Pathways against the bare engine without a database server: the ratio of
 * the two, not their rates, is the figure (no disk, no network). Run only when asked:
 * {@code ./mvnw test -Dtest=H2PathwayStepsBenchmark -Dpathways.bench=h2 -Dskip.browser=true}.
 */
@EnabledIfSystemProperty(named = "pathways.bench", matches = "h2")
@Tag("app")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test"})
class H2PathwayStepsBenchmark extends StepsBenchmark {

    @Override
    String bareUrl() {
        return "jdbc:h2:mem:pathways-bare;DB_CLOSE_DELAY=-1";
    }

    @Override
    long commits() {
        return 0; // H2 keeps no count of commits
    }
}
