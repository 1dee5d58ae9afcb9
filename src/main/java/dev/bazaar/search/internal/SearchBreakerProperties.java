package dev.bazaar.search.internal;

import dev.bazaar.platform.resilience.BreakerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker in front of the search engine ({@code bazaar.search.circuit-breaker.*}): while it is open,
 * searches go to PostgreSQL without asking the engine.
 */
@ConfigurationProperties("bazaar.search")
record SearchBreakerProperties(BreakerSettings circuitBreaker) {}
