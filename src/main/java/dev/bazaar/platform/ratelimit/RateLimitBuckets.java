package dev.bazaar.platform.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where token buckets live: in memory for one instance ({@link InMemoryRateLimitBuckets}), or in Redis when a
 * Redis server is configured, so that several instances share one budget per client ({@link
 * RedisRateLimitBuckets}).
 */
public interface RateLimitBuckets {

    ConsumptionProbe tryConsume(String key, RateLimitProperties.Limit limit);
}
