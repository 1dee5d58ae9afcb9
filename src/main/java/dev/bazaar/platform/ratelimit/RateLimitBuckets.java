package dev.bazaar.platform.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where token buckets live. In memory for one instance; a Bucket4j proxy manager (Redis) when several
 * instances must share one budget per client.
 */
public interface RateLimitBuckets {

    ConsumptionProbe tryConsume(String key, RateLimitProperties.Limit limit);
}
