package dev.bazaar.platform.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Lettuce client that Spring Boot builds from {@code spring.data.redis.*}, tuned to fail fast: while the
 * connection is down a command is refused at once (instead of being queued until its timeout), and a lost
 * connection is retried at least every {@code bazaar.redis.max-reconnect-delay}, so that caching resumes soon
 * after Redis is back.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer refuseCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer reconnectSoon(RedisResilienceProperties properties) {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), properties.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS));
    }

    @Bean
    RedisGuard redisGuard(RedisResilienceProperties properties, ObjectProvider<MeterRegistry> meters) {
        RedisGuard guard = new RedisGuard(properties.circuitBreaker());
        meters.ifAvailable(guard::bindTo);
        return guard;
    }
}
