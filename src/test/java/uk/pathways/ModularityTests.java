package uk.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capability packages are modules (Spring Modulith): none reaches into another's internals (what others use is a
 * module's base package or a named interface, such as the {@code process} packages) and none depends on another in a
 * cycle. The module documentation (C4 component diagrams and a canvas per module) is written to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PathwaysApplication.class);

    @Test
    void theModulesKeepTheirBoundariesAndHaveNoCycle() {
        MODULES.verify();
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
}
