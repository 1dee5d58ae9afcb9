package dev.bazaar.platform.redis;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a Redis server is configured: {@code spring.data.redis.url}, {@code .host}, {@code .sentinel.master}
 * or {@code .cluster.nodes} is set to something. Setting only a port, a password or a timeout does not count, so
 * the defaults in {@code application.yml} leave the embedded configuration (Caffeine, in-memory buckets) in place.
 */
public class RedisConfigured implements Condition {

    private static final List<String> SERVER_PROPERTIES =
            List.of("spring.data.redis.url", "spring.data.redis.host", "spring.data.redis.sentinel.master");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isConfigured(context.getEnvironment());
    }

    public static boolean isConfigured(Environment environment) {
        return SERVER_PROPERTIES.stream().anyMatch(name -> StringUtils.hasText(environment.getProperty(name)))
                // a list: "a:1,b:2" from an environment variable, or nodes[0], nodes[1] from YAML
                || !Binder.get(environment)
                        .bind("spring.data.redis.cluster.nodes", Bindable.listOf(String.class))
                        .orElse(List.of())
                        .isEmpty();
    }

    /** The opposite: no Redis server configured. */
    public static class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isConfigured(context.getEnvironment());
        }
    }
}
