package dev.bazaar.search.internal;

import dev.bazaar.platform.resilience.BreakerSettings;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search module's settings ({@code bazaar.search.*}; the engine choice itself, {@code bazaar.search.engine},
 * picks the engine's bean and the OpenSearch connection is in {@link OpenSearchProperties}).
 *
 * @param indexDirectory where the embedded Lucene index lives
 * @param rebuildOnStart rebuild the index at every start, not only when it is missing or stale
 * @param circuitBreaker the breaker in front of the engine: while it is open, searches go to PostgreSQL without
 *     asking the engine
 */
@ConfigurationProperties("bazaar.search")
record SearchProperties(
        Path indexDirectory, @DefaultValue("false") boolean rebuildOnStart, BreakerSettings circuitBreaker) {}
