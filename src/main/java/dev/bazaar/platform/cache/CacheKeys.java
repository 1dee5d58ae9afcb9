package dev.bazaar.platform.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.cache.CacheKeyPrefix;

/**
 * The design's Redis keys: each cache's prefix, to which the module's own key is appended ({@code product:{id}},
 * {@code cart:user:{userId}}, {@code rec:product:{id}:fbt}, {@code search:query:…}, {@code products:page:…}). A
 * cache not listed here is kept under {@code {name}:}. No prefix may begin another, because clearing a cache
 * deletes every key that matches its prefix.
 */
final class CacheKeys implements CacheKeyPrefix {

    private static final Map<String, String> DESIGN_PREFIXES = Map.of(
            "product", "product:",
            "product-listing", "products:",
            "search", "search:",
            "cart", "cart:user:",
            "recommendation", "rec:");

    @Override
    public String compute(String cacheName) {
        return DESIGN_PREFIXES.getOrDefault(cacheName, cacheName + ":");
    }

    /** Fails when one cache's prefix begins another's: clearing the first would empty the second. */
    void requireDistinctPrefixes(Collection<String> cacheNames) {
        List<String> prefixes = new ArrayList<>();
        cacheNames.forEach(name -> prefixes.add(compute(name)));
        DESIGN_PREFIXES.values().forEach(prefixes::add);
        for (String a : prefixes) {
            for (String b : prefixes) {
                if (!a.equals(b) && b.startsWith(a)) {
                    throw new IllegalStateException(
                            "Redis cache prefix '" + a + "' begins '" + b + "': rename one of the caches");
                }
            }
        }
    }
}
