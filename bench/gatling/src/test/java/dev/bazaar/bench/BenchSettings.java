package dev.bazaar.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What bench/run.sh asks for, read from system properties ({@code -Dbench.*}), so that the quick smoke run and the
 * full measurement go through the same simulation with different numbers.
 */
record BenchSettings(
        String baseUrl,
        String bareUrl,
        Path fixtures,
        List<String> operations,
        List<Integer> rates,
        List<Integer> mixedRates,
        Duration stage,
        Duration warmUp,
        Duration pause,
        Duration thinkTimeMin,
        Duration thinkTimeMax,
        double checkoutShare,
        String recommendationType,
        double abandonShare,
        Path stagesFile,
        Map<String, Integer> overload,
        Duration overloadCalm,
        Duration overloadPeak,
        double overloadFactor,
        Path overloadFile) {

    /** Every operation the harness knows, in the order a full run measures them. */
    static final List<String> ALL_OPERATIONS =
            List.of("ping", "bare", "details", "search", "cart", "add", "recommendations", "mixed");

    /** Operations that are not shop operations: the two ceilings, measured at every rate the others run at. */
    static boolean isCeiling(String operation) {
        return operation.equals("ping") || operation.equals("bare");
    }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                property("bench.baseUrl", "http://127.0.0.1:8080"),
                property("bench.bareUrl", "http://127.0.0.1:8081"),
                Path.of(property("bench.fixtures", "target/fixtures")),
                list(property("bench.operations", String.join(",", ALL_OPERATIONS))),
                integers(property("bench.rates", "50,100,200")),
                integers(property("bench.mixedRates", "2,5")),
                Duration.ofSeconds(Long.parseLong(property("bench.stageSeconds", "10"))),
                Duration.ofSeconds(Long.parseLong(property("bench.warmUpSeconds", "10"))),
                Duration.ofSeconds(Long.parseLong(property("bench.pauseSeconds", "2"))),
                Duration.ofMillis(Long.parseLong(property("bench.thinkMinMillis", "200"))),
                Duration.ofMillis(Long.parseLong(property("bench.thinkMaxMillis", "800"))),
                Double.parseDouble(property("bench.checkoutShare", "0.2")),
                property("bench.recommendationType", "personalized"),
                Double.parseDouble(property("bench.abandonShare", "0.2")),
                Path.of(property("bench.stagesFile", "target/stages.json")),
                rateByOperation(property("bench.overload", "")),
                Duration.ofSeconds(Long.parseLong(property("bench.overloadCalmSeconds", "10"))),
                Duration.ofSeconds(Long.parseLong(property("bench.overloadPeakSeconds", "30"))),
                // 1 turns the pass into a constant rate recorded second by second (the first-minute pass)
                Double.parseDouble(property("bench.overloadFactor", "2")),
                Path.of(property("bench.overloadFile", "target/overload.json")));
    }

    /**
     * Rates for one operation: {@code -Dbench.rates.search=...} overrides the common list. The ceilings (ping, bare)
     * run at every rate any measured operation runs at, so each figure has its ceiling at the same offered load.
     */
    List<Integer> ratesFor(String operation) {
        String own = System.getProperty("bench.rates." + operation);
        if (own != null && !own.isBlank()) {
            return integers(own);
        }
        if (isCeiling(operation)) {
            List<Integer> union = operations.stream()
                    .filter(other -> !isCeiling(other) && !other.equals("mixed"))
                    .flatMap(other -> ratesFor(other).stream())
                    .distinct()
                    .sorted()
                    .toList();
            return union.isEmpty() ? rates : union;
        }
        return operation.equals("mixed") ? mixedRates : rates;
    }

    /** The warm-up rate of an operation: its lowest measured rate, so the warm-up never overloads the server. */
    int warmUpRate(String operation) {
        return ratesFor(operation).stream().min(Integer::compare).orElse(1);
    }

    String fixture(String file) {
        return fixtures.resolve(file).toAbsolutePath().toString();
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** "details:500,search:250" (operation and its holding rate, for the overload pass) in that order. */
    private static Map<String, Integer> rateByOperation(String csv) {
        Map<String, Integer> rates = new LinkedHashMap<>();
        for (String pair : list(csv)) {
            String[] parts = pair.split(":");
            rates.put(parts[0].strip(), Integer.valueOf(parts[1].strip()));
        }
        return rates;
    }

    private static List<Integer> integers(String csv) {
        return list(csv).stream().map(Integer::valueOf).toList();
    }
}
