package dev.bazaar.search.internal.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * The on-disk layout: one Lucene index per generation in {@code gen-<n>}, and a {@code CURRENT} file naming the
 * complete generation to serve. A rebuild writes a new generation and only then replaces {@code CURRENT}
 * atomically, so a crash mid-rebuild leaves the previous index in service and the half-built one is removed at
 * the next start.
 */
final class GenerationDirectory {

    private static final String CURRENT = "CURRENT";
    private static final String PREFIX = "gen-";
    private static final Pattern GENERATION_NAME = Pattern.compile(PREFIX + "(\\d{1,18})");

    private final Path root;

    GenerationDirectory(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /** The generation {@code CURRENT} names, if it names one that exists. */
    Optional<Path> current() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        if (!GENERATION_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path generation = root.resolve(name);
        return Files.isDirectory(generation) ? Optional.of(generation) : Optional.empty();
    }

    Path allocate() throws IOException {
        long next = generations().stream()
                        .mapToLong(GenerationDirectory::number)
                        .max()
                        .orElse(0)
                + 1;
        return Files.createDirectory(root.resolve(PREFIX + next));
    }

    void makeCurrent(Path generation) throws IOException {
        Path pending = root.resolve(CURRENT + ".tmp");
        Files.writeString(pending, generation.getFileName().toString(), StandardCharsets.UTF_8);
        IOUtils.fsync(pending, false);
        Files.move(pending, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
        IOUtils.fsync(root, true);
    }

    /** Removes leftovers: generations replaced by a rebuild, and rebuilds that never completed. */
    void deleteAllExcept(Path keep) throws IOException {
        for (Path generation : generations()) {
            if (!generation.equals(keep)) {
                delete(generation);
            }
        }
    }

    static void delete(Path generation) throws IOException {
        if (Files.exists(generation)) {
            IOUtils.rm(generation);
        }
    }

    private List<Path> generations() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(path -> GENERATION_NAME
                            .matcher(path.getFileName().toString())
                            .matches())
                    .toList();
        }
    }

    private static long number(Path generation) {
        return Long.parseLong(generation.getFileName().toString().substring(PREFIX.length()));
    }
}
