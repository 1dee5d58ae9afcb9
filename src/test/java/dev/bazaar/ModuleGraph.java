package dev.bazaar;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;

/**
 * The modules and their dependencies as the code has them, drawn as a Mermaid flowchart for
 * docs/architecture.md: a solid arrow where a module calls another's API (labelled with the types it uses), a
 * dashed arrow from the module that publishes an event to the one that listens to it (labelled with the
 * events). The platform, which every module uses, is left out. Generated, so that the page cannot draw a dependency that does not exist or miss one that does.
 */
final class ModuleGraph {

    /** Every module uses the platform's envelope, errors and security; drawing it would hide the rest. */
    private static final String SHARED = "platform";

    private final ApplicationModules modules;

    ModuleGraph(ApplicationModules modules) {
        this.modules = modules;
    }

    String mermaid() {
        StringBuilder chart = new StringBuilder("```mermaid\nflowchart LR\n");
        modules.stream().sorted(Comparator.comparing(ModuleGraph::name)).forEach(module -> edges(module, chart));
        return chart.append("```\n").toString();
    }

    private void edges(ApplicationModule module, StringBuilder chart) {
        Map<String, TreeSet<String>> calls = new TreeMap<>();
        Map<String, TreeSet<String>> events = new TreeMap<>();
        module.getDirectDependencies(modules).stream()
                .filter(dependency -> !SHARED.equals(name(dependency.getTargetModule())))
                .forEach(
                        dependency -> (dependency.getDependencyType() == DependencyType.EVENT_LISTENER ? events : calls)
                                .computeIfAbsent(name(dependency.getTargetModule()), key -> new TreeSet<>())
                                .add(typeName(dependency)));
        // a listener names its event's type too: that is the event, not a call
        events.forEach((target, types) -> calls.computeIfPresent(target, (key, called) -> {
            called.removeAll(types);
            return called.isEmpty() ? null : called;
        }));
        calls.forEach((target, types) -> chart.append("    ")
                .append(id(name(module)))
                .append(" -->|")
                .append(String.join(", ", types))
                .append("| ")
                .append(id(target))
                .append('\n'));
        events.forEach((publisher, types) -> chart.append("    ")
                .append(id(publisher))
                .append(" -.->|")
                .append(String.join(", ", types))
                .append("| ")
                .append(id(name(module)))
                .append('\n'));
    }

    /** A nested type is drawn as the type that holds it: the API's name, not each of its records. */
    private static String typeName(ApplicationModuleDependency dependency) {
        String name = dependency.getTargetType().getName();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    /** Mermaid node ids cannot hold dots; the label keeps the module's name. */
    private static String id(String module) {
        return module.contains(".") ? module.replace('.', '_') + "[" + module + "]" : module;
    }
}
