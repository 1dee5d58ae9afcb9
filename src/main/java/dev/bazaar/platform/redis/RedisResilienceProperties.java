package dev.bazaar.platform.redis;

import dev.bazaar.platform.resilience.BreakerSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Bazaar copes with a Redis server in trouble ({@code bazaar.redis.*}); the command and connect timeouts are
 * Spring Boot's {@code spring.data.redis.timeout} and {@code connect-timeout}.
 *
 * @param circuitBreaker when to stop calling Redis altogether for a while
 * @param maxReconnectDelay the longest pause between two attempts to reconnect a lost connection
 */
@ConfigurationProperties("bazaar.redis")
public record RedisResilienceProperties(
        BreakerSettings circuitBreaker, @DefaultValue("5s") Duration maxReconnectDelay) {}
