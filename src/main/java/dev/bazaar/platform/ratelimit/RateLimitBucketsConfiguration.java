package dev.bazaar.platform.ratelimit;

import dev.bazaar.platform.redis.RedisConfigured;
import dev.bazaar.platform.redis.RedisGuard;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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
            LettuceConnectionFactory redis,
            RedisGuard guard,
            @Value("${spring.data.redis.timeout:250ms}") Duration requestTimeout) {
        // the client Spring Boot built from spring.data.redis.*: same server, credentials, TLS and timeouts
        return new RedisRateLimitBuckets(redis.getNativeClient(), guard, requestTimeout);
    }
}
