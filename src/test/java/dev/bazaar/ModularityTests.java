package dev.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of docs/architecture.md hold: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BazaarApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheDesignExists() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains(
                        "catalog",
                        "search",
                        "cart",
                        "order",
                        "payment",
                        "inventory",
                        "review",
                        "recommendation",
                        "identity",
                        "media",
                        "platform");
    }

    /** Writes the module diagrams and canvases that docs/architecture.md shows (target/spring-modulith-docs). */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
