package dev.bazaar.platform.cache;

import dev.bazaar.platform.redis.RedisGuard;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * A Redis-backed cache that never lets Redis fail a request. Modules call {@link Cache} directly (a {@code
 * CacheErrorHandler} only sees {@code @Cacheable} calls), so the degradation sits here: a read that fails is a
 * miss and the value is loaded from the database; a write that fails is skipped; an eviction or clear that fails
 * is remembered, and this cache is cleared as soon as Redis answers again, so that no entry outdated while Redis
 * was away outlives the outage. Every call goes through the {@link RedisGuard} (timeouts, circuit breaker). An
 * entry that cannot be read back (e.g. written by an older version of its record) is dropped and loaded afresh.
 */
final class DegradingCache implements Cache {

    private static final Logger log = LoggerFactory.getLogger(DegradingCache.class);

    private final Cache redis;
    private final RedisGuard guard;
    private final AtomicBoolean invalidationMissed = new AtomicBoolean();

    DegradingCache(Cache redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    @Override
    public String getName() {
        return redis.getName();
    }

    @Override
    public Object getNativeCache() {
        return redis.getNativeCache();
    }

    @Override
    public ValueWrapper get(Object key) {
        clearIfInvalidationWasMissed();
        try {
            return guard.call("read of " + getName(), () -> redis.get(key), () -> null);
        } catch (SerializationException e) {
            log.warn("Dropping unreadable {} cache entry {}: {}", getName(), key, e.getMessage());
            guard.entryDropped();
            evict(key);
            return null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Class<T> type) {
        ValueWrapper cached = get(key);
        Object value = cached == null ? null : cached.get();
        if (value != null && type != null && !type.isInstance(value)) {
            log.warn(
                    "Dropping {} cache entry {}: a {} where a {} was expected", getName(), key, value.getClass(), type);
            guard.entryDropped();
            evict(key);
            return null;
        }
        return (T) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Callable<T> valueLoader) {
        ValueWrapper cached = get(key);
        if (cached != null) {
            return (T) cached.get();
        }
        T value;
        try {
            value = valueLoader.call();
        } catch (Exception e) {
            throw new ValueRetrievalException(key, valueLoader, e);
        }
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        try {
            guard.run("write to " + getName(), () -> redis.put(key, value), () -> {});
        } catch (SerializationException e) {
            log.warn("Not caching {} entry {}: {}", getName(), key, e.getMessage());
            guard.entryDropped();
        }
    }

    @Override
    public ValueWrapper putIfAbsent(Object key, Object value) {
        try {
            return guard.call("write to " + getName(), () -> redis.putIfAbsent(key, value), () -> null);
        } catch (SerializationException e) {
            log.warn("Not caching {} entry {}: {}", getName(), key, e.getMessage());
            guard.entryDropped();
            return null;
        }
    }

    @Override
    public void evict(Object key) {
        guard.run("eviction from " + getName(), () -> redis.evict(key), () -> invalidationMissed.set(true));
    }

    @Override
    public boolean evictIfPresent(Object key) {
        return guard.call("eviction from " + getName(), () -> redis.evictIfPresent(key), () -> {
            invalidationMissed.set(true);
            return false;
        });
    }

    @Override
    public void clear() {
        guard.run("clearing of " + getName(), redis::clear, () -> invalidationMissed.set(true));
    }

    @Override
    public boolean invalidate() {
        return guard.call("clearing of " + getName(), redis::invalidate, () -> {
            invalidationMissed.set(true);
            return false;
        });
    }

    private void clearIfInvalidationWasMissed() {
        if (invalidationMissed.getAndSet(false)) {
            guard.run(
                    "clearing of " + getName() + " after evictions missed while Redis was unavailable",
                    () -> {
                        redis.clear();
                        log.info("Cleared the {} cache: evictions were missed while Redis was unavailable", getName());
                    },
                    () -> invalidationMissed.set(true));
        }
    }
}
