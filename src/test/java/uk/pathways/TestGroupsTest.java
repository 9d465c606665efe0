package uk.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test groups are JUnit tags (pom.xml's surefire executions): a PostgreSQL test tagged {@code postgres} runs in its
 * own JVM, never beside the H2 tests; a test that boots the application is tagged {@code app} (directly or through
 * {@link PathwaysTest}), so that the fast tier ({@code -Dtest.exclude=postgres,app}) boots nothing; a browser test is
 * tagged {@code browser}.
 */
class TestGroupsTest {

    private static final Path TESTS = Path.of("src/test/java");

    @Test
    void everyTestIsInTheGroupItsKindNeeds() throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(TESTS)) {
            classes = files.filter(f -> f.toString().endsWith("Test.java")
                            || f.toString().endsWith("Bench.java")
                            || f.toString().endsWith("Benchmark.java"))
                    .toList();
        }
        assertThat(classes).hasSizeGreaterThan(50);
        for (Path file : classes) {
            String source = Files.readString(file);
            String name = file.getFileName().toString();
            if (name.equals("TestGroupsTest.java")) {
                continue;
            }
            boolean boots = source.contains("\n@SpringBootTest")
                    || source.contains("SpringApplicationBuilder")
                    || source.contains("\n@PathwaysTest");
            if (name.startsWith("Postgres")) {
                assertThat(source)
                        .as(name + " runs on PostgreSQL in its own JVM")
                        .contains("@org.junit.jupiter.api.Tag(\"postgres\")");
            }
            if (boots && !name.startsWith("Postgres") && !source.contains("\n@PathwaysTest")) {
                assertThat(source).as(name + " boots the application").contains("Tag(\"app\")");
            }
            if (source.contains("new Browser(")) {
                assertThat(source).as(name + " drives a browser").contains("Tag(\"browser\")");
            }
        }
    }
}
