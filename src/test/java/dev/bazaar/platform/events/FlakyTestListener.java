package dev.bazaar.platform.events;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Exists only on the test classpath: a listener that fails its first attempts at an event, the way one does
 * while the database pool is exhausted.
 */
@Component
class FlakyTestListener {

    record FlakyTestEvent(UUID id, int failures) {}

    static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    static final Set<UUID> done = ConcurrentHashMap.newKeySet();

    @ApplicationModuleListener
    void on(FlakyTestEvent event) {
        int attempt =
                attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (attempt <= event.failures()) {
            throw new IllegalStateException("attempt " + attempt + " of " + event.id() + " fails on purpose");
        }
        done.add(event.id());
    }
}
