package dev.bazaar.platform.cache;

import com.github.benmanes.caffeine.cache.CaffeineSpec;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * The lifetime in a cache's Caffeine spec ({@code bazaar.cache.specs.<name>}), for when the cache lives in Redis:
 * {@code expireAfterWrite} is a fixed time to live, {@code expireAfterAccess} a time to live renewed by every
 * read (Redis GETEX), both the shorter one fixed. Redis bounds memory with its own {@code maxmemory}, so
 * {@code maximumSize} has no counterpart; a spec without an expiry gets {@link #DEFAULT}, as nothing in Redis
 * should live forever.
 */
record CacheLifetime(Duration timeToLive, boolean renewedOnRead) {

    static final CacheLifetime DEFAULT = new CacheLifetime(Duration.ofMinutes(5), false);

    static CacheLifetime fromCaffeineSpec(String spec) {
        CaffeineSpec.parse(spec); // rejects a malformed spec the way the in-process cache would
        Duration afterWrite = null;
        Duration afterAccess = null;
        for (String option : spec.split(",")) {
            String[] keyAndValue = option.split("=", 2);
            if (keyAndValue.length != 2) {
                continue;
            }
            switch (keyAndValue[0].strip()) {
                case "expireAfterWrite" -> afterWrite = DurationStyle.detectAndParse(keyAndValue[1].strip());
                case "expireAfterAccess" -> afterAccess = DurationStyle.detectAndParse(keyAndValue[1].strip());
                default -> {}
            }
        }
        if (afterWrite != null && afterAccess != null) {
            return new CacheLifetime(afterWrite.compareTo(afterAccess) <= 0 ? afterWrite : afterAccess, false);
        }
        if (afterAccess != null) {
            return new CacheLifetime(afterAccess, true);
        }
        return afterWrite != null ? new CacheLifetime(afterWrite, false) : DEFAULT;
    }
}
