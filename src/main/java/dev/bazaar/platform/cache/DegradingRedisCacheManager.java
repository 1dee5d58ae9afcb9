package dev.bazaar.platform.cache;

import dev.bazaar.platform.redis.RedisGuard;
import java.util.Map;
import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;

/** Spring Data Redis' cache manager, each of whose caches is wrapped in a {@link DegradingCache}. */
final class DegradingRedisCacheManager extends RedisCacheManager {

    private final RedisGuard guard;

    DegradingRedisCacheManager(
            RedisCacheWriter writer,
            RedisCacheConfiguration defaults,
            Map<String, RedisCacheConfiguration> caches,
            RedisGuard guard) {
        super(writer, defaults, true, caches);
        this.guard = guard;
    }

    @Override
    protected Cache decorateCache(Cache cache) {
        return new DegradingCache(super.decorateCache(cache), guard);
    }
}
