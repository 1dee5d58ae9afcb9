package dev.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

    /** The graph on docs/architecture.md is the modules' dependencies as the code has them. */
    @Test
    void theArchitecturePageDrawsTheModulesAsTheyAre() {
        CommittedDocs.checkSection(Path.of("docs/architecture.md"), "module graph", new ModuleGraph(modules).mermaid());
    }

    /** The module diagrams in docs/modules are what Spring Modulith's Documenter draws from the code now. */
    @Test
    void theModuleDiagramsInTheDocsAreCurrent() throws IOException {
        Path generated = Path.of("target/spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        try (Stream<Path> files = Files.list(generated)) {
            List<Path> diagrams = files.filter(file -> file.toString().endsWith(".puml"))
                    .sorted()
                    .toList();
            assertThat(diagrams).isNotEmpty();
            Path committed = Path.of("docs/modules");
            diagrams.forEach(diagram -> CommittedDocs.checkFile(diagram, committed.resolve(diagram.getFileName())));
            CommittedDocs.checkNoOthers(
                    committed, ".puml", diagrams.stream().map(Path::getFileName).toList());
        }
    }
}
