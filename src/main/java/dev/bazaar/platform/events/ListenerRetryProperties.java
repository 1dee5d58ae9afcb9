package dev.bazaar.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the in-process listeners whose work failed are given their events again ({@code
 * bazaar.events.listener-retry.*}).
 *
 * @param every how often failed publications are looked for
 * @param minAge a publication younger than this is left alone (its listener may still be working on it)
 * @param batchSize the most publications resubmitted per run, and in flight at once
 * @param maxAttempts after this many attempts a publication is left for an operator (counted, not retried)
 */
@ConfigurationProperties("bazaar.events.listener-retry")
record ListenerRetryProperties(
        @DefaultValue("30s") Duration every,
        @DefaultValue("1m") Duration minAge,
        @DefaultValue("100") int batchSize,
        @DefaultValue("50") int maxAttempts) {}
