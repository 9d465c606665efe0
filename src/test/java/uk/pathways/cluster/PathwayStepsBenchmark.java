package uk.pathways.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * B1 on PostgreSQL (bench/cluster/run.sh): Pathways on {@code PATHWAYS_DB_URL}, the bare engine on the database of the
 * same name with {@code _bare} appended ({@code PATHWAYS_BARE_DB_URL} to choose another), both on the same server.
 */
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@Tag("app")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test", "postgres"})
class PathwayStepsBenchmark extends StepsBenchmark {

    @Override
    String bareUrl() {
        String given = System.getenv("PATHWAYS_BARE_DB_URL");
        if (given != null) {
            return given;
        }
        String url = System.getenv().getOrDefault("PATHWAYS_DB_URL", "jdbc:postgresql://localhost:5432/pathways");
        int query = url.indexOf('?');
        return query < 0 ? url + "_bare" : url.substring(0, query) + "_bare" + url.substring(query);
    }
}
