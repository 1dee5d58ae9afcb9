package dev.bazaar.platform.redis;

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
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue("5s") Duration maxReconnectDelay) {

    /**
     * Open when {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls (at least {@code
     * minimumNumberOfCalls}) failed or timed out, or when {@code slowCallRateThreshold} percent of them took longer
     * than {@code slowCallDuration}; then no call reaches Redis for {@code openDuration}, after which {@code
     * halfOpenCalls} trial calls decide whether to close.
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("50") float slowCallRateThreshold,
            @DefaultValue("100ms") Duration slowCallDuration,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration openDuration,
            @DefaultValue("3") int halfOpenCalls) {}
}
