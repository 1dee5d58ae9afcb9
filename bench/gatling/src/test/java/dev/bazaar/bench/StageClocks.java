package dev.bazaar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What each stage really did: when it sent its first request and received its last response, how many virtual
 * users it ran and how many of them failed, and whether it was skipped. Gatling's report has counts and percentiles
 * per request name but no time window per name, and a stage of an overloaded server lasts longer than its injection
 * (Gatling waits for the last response before the next stage): the achieved throughput is the successful responses
 * divided by this window, not by the planned duration.
 */
final class StageClocks {

    private static final Map<String, Window> WINDOWS = new ConcurrentSkipListMap<>();

    private StageClocks() {}

    static void started(String stage) {
        window(stage).first.accumulateAndGet(System.currentTimeMillis(), Math::min);
    }

    static void finished(String stage, boolean failed) {
        Window window = window(stage);
        window.last.accumulateAndGet(System.currentTimeMillis(), Math::max);
        window.users.incrementAndGet();
        if (failed) {
            window.failed.incrementAndGet();
        }
    }

    static void skipped(String stage) {
        window(stage).skipped.set(true);
    }

    /**
     * Whether an earlier measured stage of this operation already had at least {@code share} of its virtual users
     * fail: higher rates would only pile timeouts onto a server that is past saturation, so they are skipped.
     */
    static boolean abandoned(String operation, double share) {
        return WINDOWS.entrySet().stream()
                .filter(e -> e.getKey().startsWith(operation + " @ "))
                .map(Map.Entry::getValue)
                .anyMatch(w -> !w.skipped.get() && w.users.get() > 0 && w.failed.get() >= share * w.users.get());
    }

    private static Window window(String stage) {
        return WINDOWS.computeIfAbsent(stage, name -> new Window());
    }

    /** Writes {"stage": {"start": epochMillis, "end": epochMillis, "users": n, "failed": n, "skipped": b}, ...}. */
    static void write(Path file) {
        String json = WINDOWS.entrySet().stream()
                .map(e -> "  \"" + e.getKey().replace("\"", "\\\"") + "\": " + e.getValue().json())
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Window {
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong users = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicBoolean skipped = new AtomicBoolean();

        String json() {
            boolean ran = users.get() > 0;
            return "{\"start\": " + (ran ? first.get() : 0) + ", \"end\": " + (ran ? last.get() : 0) + ", \"users\": "
                    + users.get() + ", \"failed\": " + failed.get() + ", \"skipped\": " + (skipped.get() && !ran)
                    + "}";
        }
    }
}
