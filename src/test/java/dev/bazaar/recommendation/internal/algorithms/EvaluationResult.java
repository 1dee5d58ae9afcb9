package dev.bazaar.recommendation.internal.algorithms;

import java.time.Duration;
import java.util.Locale;

/** One algorithm's metrics on a split, and how long scoring every customer took. */
record EvaluationResult(String name, RankingMetrics<String> metrics, Duration scoring) {

    /** A row of the markdown results table. */
    String markdown() {
        return String.format(
                Locale.ROOT,
                "| %s | %.4f | %.4f | %.4f | %.4f | %.3f | %.1f s |",
                name,
                metrics.hitRate(),
                metrics.precision(),
                metrics.recall(),
                metrics.ndcg(),
                metrics.coverage(),
                scoring.toMillis() / 1000.0);
    }
}
