package dev.bazaar.platform.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.cache.Cache;

/**
 * Reads many keys of one cache at once: one multi-get of the in-process cache (Caffeine) and one load of the keys it
 * lacks (one query for all of them, never one per key). A cache without a multi-get (Redis) is passed by: every key
 * is loaded, still in one query. Evictions go through this class, which counts them, so that a load racing with an
 * eviction does not keep what it read.
 *
 * @param <K> the key
 * @param <V> the cached value
 */
@org.springframework.modulith.NamedInterface("cache")
public final class MultiGetCache<K, V> {

    private final Cache cache;
    private final AtomicLong evictions = new AtomicLong();

    public MultiGetCache(Cache cache) {
        this.cache = cache;
    }

    /** The cache itself, for single reads (which load inside the cache's own per-key computation). */
    public Cache cache() {
        return cache;
    }

    /**
     * The values of the given keys: the cached ones and those {@code loadMissing} finds (given only the keys the cache
     * lacks). A key that {@code loadMissing} leaves out is not in the answer and nothing is cached for it.
     */
    public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> loadMissing) {
        if (!(cache.getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine)) {
            return new HashMap<>(loadMissing.apply(keys));
        }
        @SuppressWarnings("unchecked")
        var inProcess = (com.github.benmanes.caffeine.cache.Cache<K, V>) caffeine;
        Map<K, V> found = new HashMap<>(inProcess.getAllPresent(keys));
        List<K> missing = keys.stream().filter(key -> !found.containsKey(key)).toList();
        if (missing.isEmpty()) {
            return found;
        }
        long evictionsBefore = evictions.get();
        Map<K, V> loaded = loadMissing.apply(missing);
        inProcess.putAll(loaded);
        if (evictions.get() != evictionsBefore) {
            // A value changed while this load ran: what it read may be older than the eviction, so drop it (a later
            // read loads again). Checked after the put, so an eviction counted later also removes it.
            inProcess.invalidateAll(loaded.keySet());
        }
        found.putAll(loaded);
        return found;
    }

    public void evict(K key) {
        evictions.incrementAndGet();
        cache.evict(key);
    }

    public void clear() {
        evictions.incrementAndGet();
        cache.clear();
    }
}
