package dev.bazaar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class FixtureFiles {

    private FixtureFiles() {}

    /** Data lines of a CSV fixture (without its header). */
    static int lines(String file) {
        try (var lines = Files.lines(Path.of(file))) {
            return (int) Math.max(0, lines.filter(line -> !line.isBlank()).count() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing fixture " + file + ": bench/run.sh writes it", e);
        }
    }
}
