package dev.bazaar.platform.redis;

import dev.bazaar.platform.resilience.BreakerSettings;
import dev.bazaar.platform.resilience.CircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Every call to Redis (cache and rate-limit buckets) goes through here, so that Redis in trouble costs the
 * store nothing but its speed-up. A call that fails or times out ({@code spring.data.redis.timeout}) is counted
 * and answered by the caller's fallback (a cache miss, a local bucket); once enough calls fail, or answer but
 * too slowly to be worth waiting for (a cache slower than the database it spares), a Resilience4j circuit
 * breaker opens and calls go straight to the fallback without touching the network, until trial calls show that
 * Redis answers again. Only the breaker's transitions are logged, one line each: under load, a line per failed
 * call would be a log storm; the counters tell how many.
 *
 * <p>A value that Redis returned but that cannot be read (a {@link SerializationException}, e.g. cached by an
 * older version of a record) is not Redis' failure: it is passed on to the caller, who drops the entry.
 */
public class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final CircuitBreaker breaker;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public RedisGuard(BreakerSettings settings) {
        // while open, caches read from the database and rate limits are per instance
        this.breaker = CircuitBreakers.create("redis", "Redis", settings, SerializationException.class);
    }

    /** {@code command} against Redis, or {@code fallback} when Redis fails, times out or is given a rest. */
    public <T> T call(String operation, Supplier<T> command, Supplier<T> fallback) {
        if (!breaker.tryAcquirePermission()) {
            skipped.incrementAndGet();
            return fallback.get();
        }
        long start = System.nanoTime();
        try {
            T result = command.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (SerializationException e) {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            failures.incrementAndGet();
            log.debug("Redis {} failed, going on without it: {}", operation, e.toString());
            return fallback.get();
        }
    }

    /** {@code command} against Redis; {@code onFailure} runs when it fails or is not tried. */
    public void run(String operation, Runnable command, Runnable onFailure) {
        call(
                operation,
                () -> {
                    command.run();
                    return Boolean.TRUE;
                },
                () -> {
                    onFailure.run();
                    return Boolean.FALSE;
                });
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Calls that failed or timed out since start. */
    public long failures() {
        return failures.get();
    }

    /** Calls not tried because the breaker was open. */
    public long skipped() {
        return skipped.get();
    }

    /** Counts a cache entry that Redis returned but that could not be read as what was cached, and was dropped. */
    public void entryDropped() {
        dropped.incrementAndGet();
    }

    /** Cache entries dropped as unreadable since start: other than after a deploy, a sign of a serialisation bug. */
    public long droppedEntries() {
        return dropped.get();
    }

    void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("bazaar.redis.failures", failures, AtomicLong::get)
                .description("Redis calls that failed or timed out; the request went on without Redis")
                .register(registry);
        FunctionCounter.builder("bazaar.redis.skipped", skipped, AtomicLong::get)
                .description("Redis calls not tried because the circuit breaker was open")
                .register(registry);
        FunctionCounter.builder("bazaar.redis.cache.dropped", dropped, AtomicLong::get)
                .description("Cache entries in Redis that could not be read back and were dropped")
                .register(registry);
    }
}
