package dev.bazaar.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.platform.redis.RedisGuard;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets in Redis (Bucket4j's Lettuce backend, compare-and-swap on {@code rate-limit:{key}}), so that every
 * instance draws on the same budget per client. A bucket's key expires once the bucket would have refilled.
 *
 * <p>When Redis fails or its circuit breaker is open, the limiter <em>fails open to per-instance limits</em>: the
 * request is counted against this instance's in-memory bucket instead, so each instance enforces the limit on its
 * own (behind N instances a client may get up to N times its budget) and no request is refused because Redis is
 * away. Once Redis answers again, the shared buckets take over.
 *
 * <p>The connection (separate from the cache's, with byte values) is opened on first use, so the application
 * starts while Redis is down.
 */
class RedisRateLimitBuckets implements RateLimitBuckets, DisposableBean {

    private static final String KEY_PREFIX = "rate-limit:";

    private final AbstractRedisClient client;
    private final RedisGuard guard;
    private final Duration requestTimeout;
    private final RateLimitBuckets local = new InMemoryRateLimitBuckets();
    /** Proxies of this instance, which batch concurrent requests of one client into one round trip. */
    private final Cache<String, Bucket> proxies = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private final ReentrantLock connecting = new ReentrantLock();
    private volatile ProxyManager<String> buckets;
    private volatile StatefulConnection<String, byte[]> connection;

    RedisRateLimitBuckets(AbstractRedisClient client, RedisGuard guard, Duration requestTimeout) {
        this.client = client;
        this.guard = guard;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, RateLimitProperties.Limit limit) {
        return guard.call(
                "rate-limit bucket",
                () -> proxies.get(key, ignored -> proxy(key, limit)).tryConsumeAndReturnRemaining(1),
                () -> local.tryConsume(key, limit));
    }

    private Bucket proxy(String key, RateLimitProperties.Limit limit) {
        return buckets()
                .builder()
                .withOptimization(Optimizations.batching())
                .build(
                        KEY_PREFIX + key,
                        () -> BucketConfiguration.builder()
                                .addLimit(bandwidth -> bandwidth
                                        .capacity(limit.capacity())
                                        .refillGreedy(limit.capacity(), limit.period()))
                                .build());
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        connecting.lock();
        try {
            if (buckets == null) {
                buckets = connect();
            }
            return buckets;
        } finally {
            connecting.unlock();
        }
    }

    private ProxyManager<String> connect() {
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        ExpirationAfterWriteStrategy expiry =
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
        return switch (client) {
            case RedisClient standalone -> {
                StatefulRedisConnection<String, byte[]> opened = standalone.connect(codec);
                connection = opened;
                yield Bucket4jLettuce.casBasedBuilder(opened)
                        .requestTimeout(requestTimeout)
                        .expirationAfterWrite(expiry)
                        .build();
            }
            case RedisClusterClient cluster -> {
                StatefulRedisClusterConnection<String, byte[]> opened = cluster.connect(codec);
                connection = opened;
                yield Bucket4jLettuce.casBasedBuilder(opened)
                        .requestTimeout(requestTimeout)
                        .expirationAfterWrite(expiry)
                        .build();
            }
            default ->
                throw new IllegalStateException("Rate-limit buckets in Redis need a standalone, sentinel or cluster"
                        + " client, not " + client.getClass().getSimpleName());
        };
    }

    @Override
    public void destroy() {
        StatefulConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
    }
}
