package uk.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The capability packages are modules (Spring Modulith). No module reaches into another's internals: what others use
 * is the module's base package or a named interface (the {@code process} packages, {@code @NamedInterface}). Module
 * cycles are a ratchet: the cycles through the shared {@code web} and {@code gate} modules that are left (see
 * {@link #KNOWN_CYCLES}) may go, none may come. The module documentation (C4 component diagrams and a canvas per
 * module) is written to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PathwaysApplication.class);

    /**
     * Cycles still to break, each through the completion gate's submission and refusal types or the pages' shared
     * helpers (Display, FieldProblem, PathwaysPage) living in {@code web}: moving those into a shared kernel is the
     * next step. Remove a line when its cycle goes; the test fails on any cycle not listed.
     */
    static final Set<String> KNOWN_CYCLES = Set.of(
            "casefile -> gate -> casefile",
            "casefile -> gate -> web -> casefile",
            "casefile -> web -> casefile",
            "casefile -> web -> gate -> casefile",
            "gate -> web -> gate");

    private static final Pattern CYCLE = Pattern.compile("Cycle detected: ((?:Slice \\w+(?: ->)?\\s*)+)");

    @Test
    void noModuleReachesIntoAnothersInternals() {
        List<String> violations = messages(MODULES.detectViolations());
        assertThat(violations.stream()
                        .filter(v -> !v.startsWith("Cycle detected"))
                        .toList())
                .as("dependencies on types a module does not expose")
                .isEmpty();
    }

    @Test
    void noNewModuleCycle() {
        List<String> cycles = new ArrayList<>();
        for (String v : messages(MODULES.detectViolations())) {
            Matcher m = CYCLE.matcher(v);
            if (m.find()) {
                cycles.add(m.group(1)
                        .replaceAll("Slice ", "")
                        .replaceAll("\\s+", " ")
                        .strip());
            }
        }
        assertThat(KNOWN_CYCLES)
                .as("cycles left to break (remove the ones that went)")
                .containsAll(cycles);
        assertThat(cycles)
                .as("the known cycles are still there; delete the ones that are not")
                .containsAll(KNOWN_CYCLES);
    }

    @Test
    void theModulesAreDocumented() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(java.nio.file.Path.of("target/spring-modulith-docs/components.puml"))
                .exists();
    }

    private static List<String> messages(Violations violations) {
        return violations.getMessages();
    }
}
