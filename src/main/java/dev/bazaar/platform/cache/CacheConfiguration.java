package dev.bazaar.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.platform.redis.RedisConfigured;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction on in-process Caffeine, each cache with its own size and lifetime. Modules use
 * {@link CacheManager} by cache name only, so with a Redis server configured {@link RedisCacheManagerConfiguration}
 * provides the manager instead.
 *
 * <p>Every cache records its hits, misses and evictions (Micrometer's {@code cache.gets}, {@code cache.evictions},
 * in /actuator/metrics and /actuator/prometheus): a hot path is fast or slow by its hit rate, and without the
 * counts an operator cannot tell which. The counters are striped, so recording costs next to nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    @Bean
    @Conditional(RedisConfigured.Not.class)
    CacheManager cacheManager(CacheProperties properties) {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setAllowNullValues(false);
        manager.setCaffeine(caffeine("maximumSize=10000,expireAfterWrite=5m"));
        properties
                .specs()
                .forEach((name, spec) ->
                        manager.registerCustomCache(name, caffeine(spec).build()));
        return manager;
    }

    private static Caffeine<Object, Object> caffeine(String spec) {
        Caffeine<Object, Object> caffeine = Caffeine.from(spec).recordStats();
        if (spec.contains("maximumWeight")) {
            caffeine.weigher((key, value) -> value instanceof CacheWeight weighed ? weighed.weight() : 1);
        }
        return caffeine;
    }
}
