package dev.bazaar.platform.events;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;

/**
 * What happens when an asynchronous listener fails: its publication stays incomplete and will be retried
 * ({@link FailedListenerResubmitter}), so the failure is not lost work but a delay. It is counted ({@code
 * bazaar.events.listener.failed}) and logged at most once a minute per listener, in one line: under overload
 * (the database pool exhausted, say) every listener fails at once, and a stack trace per failure would bury the
 * logs when they are needed most.
 */
class ListenerFailureLog implements AsyncUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailureLog.class);
    private static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

    private final AtomicLong failures = new AtomicLong();
    private final Map<Method, Long> lastLogged = new ConcurrentHashMap<>();

    @Override
    public void handleUncaughtException(Throwable failure, Method listener, Object... arguments) {
        long count = failures.incrementAndGet();
        long now = System.nanoTime();
        Long previous = lastLogged.get(listener);
        if (previous == null || now - previous > QUIET_PERIOD.toNanos()) {
            lastLogged.put(listener, now);
            log.warn(
                    "{}.{} failed ({}); its event will be retried. {} listener failures since start, counted in "
                            + "bazaar.events.listener.failed; this listener is logged again in a minute at the earliest",
                    listener.getDeclaringClass().getSimpleName(),
                    listener.getName(),
                    failure.toString(),
                    count);
        } else {
            log.debug("{} failed again", listener, failure);
        }
    }

    long failures() {
        return failures.get();
    }
}
