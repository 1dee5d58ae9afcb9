package dev.bazaar.platform.cache;

import dev.bazaar.platform.redis.RedisConfigured;
import dev.bazaar.platform.redis.RedisGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * With a Redis server configured ({@link RedisConfigured}), the caches live in Redis, shared by every instance:
 * an eviction on one instance is seen by all. Keys follow the design ({@link CacheKeys}), lifetimes come from the
 * same {@code bazaar.cache.specs} as in process ({@link CacheLifetime}), values are typed JSON ({@link
 * CacheValueJson}), and each cache degrades to the database when Redis fails ({@link DegradingCache}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisCacheManagerConfiguration implements CachingConfigurer {

    /** Keys a clear deletes per SCAN step: never the blocking KEYS command on a shared server. */
    private static final int CLEAR_BATCH = 1000;

    @Bean
    CacheManager cacheManager(RedisConnectionFactory redis, CacheProperties properties, RedisGuard guard) {
        CacheKeys keys = new CacheKeys();
        keys.requireDistinctPrefixes(properties.specs().keySet());
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .computePrefixWith(keys)
                .serializeValuesWith(SerializationPair.fromSerializer(CacheValueJson.serializer()))
                .disableCachingNullValues()
                .entryTtl(CacheLifetime.DEFAULT.timeToLive());
        Map<String, RedisCacheConfiguration> caches = new LinkedHashMap<>();
        properties.specs().forEach((name, spec) -> {
            CacheLifetime lifetime = CacheLifetime.fromCaffeineSpec(spec);
            RedisCacheConfiguration cache = defaults.entryTtl(lifetime.timeToLive());
            caches.put(name, lifetime.renewedOnRead() ? cache.enableTimeToIdle() : cache);
        });
        // Immediate writes: Spring Data Redis 4 would otherwise send puts, evictions and clears in the background,
        // so that a read right after an update could still see the old entry and a failed eviction went unseen.
        RedisCacheWriter writer = RedisCacheWriter.create(
                redis,
                writers ->
                        writers.batchStrategy(BatchStrategies.scan(CLEAR_BATCH)).immediateWrites());
        return new DegradingRedisCacheManager(writer, defaults, caches, guard);
    }

    /** For {@code @Cacheable} users: a cache failure the caches did not absorb is logged, never the caller's. */
    @Override
    public CacheErrorHandler errorHandler() {
        return new LoggingCacheErrorHandler();
    }
}
