package dev.bazaar.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Bazaar makes a Resilience4j circuit breaker: counted over the last calls, from {@link
 * BreakerSettings}, and logged once per state change (never per call: under load a line per failed call would
 * bury the logs; the callers count calls in their metrics).
 */
public final class CircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    private CircuitBreakers() {}

    /**
     * A breaker named {@code name}; its transitions are logged as "{@code what} circuit breaker: CLOSED to OPEN".
     * Exceptions of the {@code ignored} types are the caller's answer, not the dependency's failure: they count
     * neither way.
     */
    @SafeVarargs
    public static CircuitBreaker create(
            String name, String what, BreakerSettings settings, Class<? extends Throwable>... ignored) {
        CircuitBreaker breaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.slidingWindowSize())
                        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                        .failureRateThreshold(settings.failureRateThreshold())
                        .slowCallRateThreshold(settings.slowCallRateThreshold())
                        .slowCallDurationThreshold(settings.slowCallDuration())
                        .waitDurationInOpenState(settings.openDuration())
                        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                        .ignoreExceptions(ignored)
                        .build());
        breaker.getEventPublisher()
                .onStateTransition(event -> log.warn("{} circuit breaker: {}", what, event.getStateTransition()));
        return breaker;
    }
}
