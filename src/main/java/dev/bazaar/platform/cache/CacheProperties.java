package dev.bazaar.platform.cache;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One Caffeine spec per named cache ({@code bazaar.cache.specs.<name>}), e.g.
 * {@code maximumSize=100000,expireAfterWrite=5m}. The names and lifetimes follow the design's cache keys.
 */
@ConfigurationProperties("bazaar.cache")
public record CacheProperties(Map<String, String> specs) {

    public CacheProperties {
        specs = specs == null ? Map.of() : Map.copyOf(specs);
    }
}
