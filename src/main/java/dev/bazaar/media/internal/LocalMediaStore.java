package dev.bazaar.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Media objects as files under a directory. A file is written to a temporary name and moved into place, so a
 * reader never sees half of it.
 */
final class LocalMediaStore implements MediaStore {

    private final Path root;

    LocalMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write media object " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        try {
            return Optional.of(new StoredObject(Files.readAllBytes(resolve(key)), MediaStore.contentType(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media object " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete media object " + key, e);
        }
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> each) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String key = root.relativize(file).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !file.getFileName().toString().startsWith(".")) {
                    try {
                        each.accept(new ObjectInfo(
                                key,
                                Files.size(file),
                                Files.getLastModifiedTime(file).toInstant()));
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // gone between the listing and the look
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the media directory", e);
        }
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    /** The file of a key, which must stay inside the root. */
    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Invalid media key " + key);
        }
        return file;
    }
}
