package dev.bazaar.platform.events;

import java.util.Objects;
import java.util.function.Function;
import org.springframework.modulith.events.RoutingTarget;

/**
 * One event type sent to Kafka: its topic and the key of its records, the id of the aggregate it belongs to, so
 * that one aggregate's events stay in order on one partition. The key is written as text ({@code String.valueOf}).
 */
public record EventRoute<T>(Class<T> type, String topic, Function<? super T, ?> key) {

    public EventRoute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }

    public static <T> EventRoute<T> of(Class<T> type, String topic, Function<? super T, ?> key) {
        return new EventRoute<>(type, topic, key);
    }

    RoutingTarget target(Object event) {
        return RoutingTarget.forTarget(topic).andKey(String.valueOf(key.apply(type.cast(event))));
    }
}
