package dev.bazaar.platform.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets ({@code bazaar.rate-limit.*}): per client IP for anonymous calls, per user for signed-in ones,
 * and a stricter per-IP budget for the sign-in endpoints, which attackers hammer.
 */
@ConfigurationProperties("bazaar.rate-limit")
public record RateLimitProperties(boolean enabled, Limit anonymous, Limit authenticated, Limit auth) {

    /** {@code capacity} requests per {@code period}, refilled gradually. */
    public record Limit(long capacity, Duration period) {}
}
