package dev.bazaar.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Buckets of this instance, kept in a bounded Caffeine cache so that an idle client's bucket is dropped once
 * it would have refilled anyway.
 */
class InMemoryRateLimitBuckets implements RateLimitBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    @Override
    public ConsumptionProbe tryConsume(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(bandwidth ->
                                bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                        .build());
        return bucket.tryConsumeAndReturnRemaining(1);
    }
}
