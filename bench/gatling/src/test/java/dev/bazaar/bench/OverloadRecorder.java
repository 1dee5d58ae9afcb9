package dev.bazaar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * Second by second, what an overloaded operation answered: how many requests were sent in that second, how many
 * were admitted and answered (with their latencies), how many were shed with 503 and how many failed otherwise
 * (timeouts, other statuses). Gatling's report has one line per request name; shedding is only visible over time,
 * and an answered 503 must not count as a slow success or as a timeout, so the overload pass records it here.
 */
final class OverloadRecorder {

    /** operation -> second since the operation's overload scenario began -> that second's requests. */
    private static final Map<String, Map<Integer, Second>> SECONDS = new ConcurrentSkipListMap<>();

    /** operation -> phase ("before", "overload", "after") -> that phase's requests, for exact phase percentiles. */
    private static final Map<String, Map<String, Second>> PHASES = new ConcurrentSkipListMap<>();

    private static final Map<String, Long> STARTS = new ConcurrentHashMap<>();

    private static final Map<String, Integer> HOLDING_RATES = new ConcurrentHashMap<>();

    private static volatile long calmSeconds = 10;
    private static volatile long peakSeconds = 30;

    private OverloadRecorder() {}

    /** The injection's shape: {@code calm} seconds at the holding rate, then {@code peak} seconds at twice it. */
    static void phases(long calm, long peak) {
        calmSeconds = calm;
        peakSeconds = peak;
    }

    /** The rate the operation held in the load before, which the overload pass doubles. */
    static void holdingRate(String operation, int rate) {
        HOLDING_RATES.put(operation, rate);
    }

    private static String phaseOf(int second) {
        if (second < calmSeconds) {
            return "before";
        }
        return second < calmSeconds + peakSeconds ? "overload" : "after";
    }

    /** The second (since the operation's first request) at which a request is sent now. */
    static int secondOf(String operation, long nowMillis) {
        long start = STARTS.computeIfAbsent(operation, op -> nowMillis);
        return (int) ((nowMillis - start) / 1000);
    }

    /**
     * One answer: {@code status} is the HTTP status seen, or null when none came (a timeout or a broken
     * connection).
     */
    static void record(String operation, int second, Integer status, boolean failed, long latencyMillis) {
        add(SECONDS.computeIfAbsent(operation, op -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(second, s -> new Second()), status, failed, latencyMillis);
        add(PHASES.computeIfAbsent(operation, op -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(phaseOf(second), s -> new Second()), status, failed, latencyMillis);
    }

    private static void add(Second bucket, Integer status, boolean failed, long latencyMillis) {
        synchronized (bucket) {
            bucket.sent++;
            if (status != null && status == 503) {
                bucket.shed++;
            } else if (failed || status == null) {
                bucket.failed++;
            } else {
                bucket.answered.add(latencyMillis);
            }
        }
    }

    /**
     * Writes {"operation": {"rate": holding rate, "calm": s, "peak": s, "phases": {"before": {...}, "overload": {...}, "after": {...}},
     * "seconds": [{"second": s, "sent": n, "answered": n, "shed": n, "failed": n, "p50": ms, "p99": ms}, ...]}}.
     */
    static void write(Path file) {
        String json = SECONDS.entrySet().stream()
                .map(op -> "  \"" + op.getKey() + "\": {\"rate\": " + HOLDING_RATES.getOrDefault(op.getKey(), 0)
                        + ", \"calm\": " + calmSeconds + ", \"peak\": " + peakSeconds
                        + ", \"phases\": {"
                        + PHASES.getOrDefault(op.getKey(), Map.of()).entrySet().stream()
                                .map(p -> "\"" + p.getKey() + "\": " + p.getValue().json(-1))
                                .collect(Collectors.joining(", "))
                        + "},\n   \"seconds\": [\n"
                        + op.getValue().entrySet().stream()
                                .map(s -> "    " + s.getValue().json(s.getKey()))
                                .collect(Collectors.joining(",\n"))
                        + "\n  ]}")
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Second {
        int sent;
        int shed;
        int failed;
        final List<Long> answered = new ArrayList<>();

        synchronized String json(int second) {
            List<Long> sorted = answered.stream().sorted().toList();
            return "{\"second\": " + second + ", \"sent\": " + sent + ", \"answered\": " + sorted.size()
                    + ", \"shed\": " + shed + ", \"failed\": " + failed + ", \"p50\": " + percentile(sorted, 0.50)
                    + ", \"p99\": " + percentile(sorted, 0.99) + "}";
        }

        private static String percentile(List<Long> sorted, double share) {
            if (sorted.isEmpty()) {
                return "null";
            }
            int index = (int) Math.ceil(share * sorted.size()) - 1;
            return Long.toString(sorted.get(Math.max(0, index)));
        }
    }
}
