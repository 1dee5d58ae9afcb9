package dev.bazaar.platform.ratelimit;

import dev.bazaar.platform.redis.RedisConfigured;
import dev.bazaar.platform.redis.RedisGuard;
import java.time.Duration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** In-memory buckets by default; shared buckets in Redis when a Redis server is configured. */
@Configuration(proxyBeanMethods = false)
class RateLimitBucketsConfiguration {

    @Bean
    @Conditional(RedisConfigured.Not.class)
    RateLimitBuckets inMemoryRateLimitBuckets() {
        return new InMemoryRateLimitBuckets();
    }

    @Bean
    @Conditional(RedisConfigured.class)
    RateLimitBuckets redisRateLimitBuckets(
            LettuceConnectionFactory redis, RedisGuard guard, DataRedisProperties redisProperties) {
        // the client Spring Boot built from spring.data.redis.*: same server, credentials, TLS and timeouts
        Duration requestTimeout =
                redisProperties.getTimeout() == null ? Duration.ofMillis(250) : redisProperties.getTimeout();
        return new RedisRateLimitBuckets(redis.getNativeClient(), guard, requestTimeout);
    }
}
