package dev.bazaar.search.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker in front of the search engine ({@code bazaar.search.circuit-breaker.*}): it opens when at
 * least {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls failed, once
 * {@code minimumNumberOfCalls} were made; it stays open for {@code openDuration}, during which searches go to
 * PostgreSQL without asking the engine, then lets {@code halfOpenCalls} calls through to decide whether to close.
 */
@ConfigurationProperties("bazaar.search.circuit-breaker")
record SearchBreakerProperties(
        float failureRateThreshold,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        Duration openDuration,
        int halfOpenCalls) {}
