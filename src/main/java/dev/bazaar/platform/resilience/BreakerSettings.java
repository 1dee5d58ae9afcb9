package dev.bazaar.platform.resilience;

import java.time.Duration;

/**
 * When a circuit breaker opens: once at least {@code minimumNumberOfCalls} were made, when {@code
 * failureRateThreshold} percent of the last {@code slidingWindowSize} calls failed, or {@code
 * slowCallRateThreshold} percent took longer than {@code slowCallDuration}; it then refuses calls for {@code
 * openDuration} and lets {@code halfOpenCalls} through to decide whether to close. The slow-call rule is off
 * unless both of its settings are given.
 */
public record BreakerSettings(
        float failureRateThreshold,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        Duration openDuration,
        int halfOpenCalls,
        float slowCallRateThreshold,
        Duration slowCallDuration) {

    /** Resilience4j's own "never slow": every call slower than a minute, at a rate of 100 %. */
    private static final Duration NEVER_SLOW = Duration.ofMinutes(1);

    public BreakerSettings {
        if (slowCallDuration == null || slowCallRateThreshold <= 0) {
            slowCallRateThreshold = 100;
            slowCallDuration = NEVER_SLOW;
        }
    }

    /** A breaker that counts failures only. */
    public static BreakerSettings onFailures(
            float failureRateThreshold,
            int slidingWindowSize,
            int minimumNumberOfCalls,
            Duration openDuration,
            int halfOpenCalls) {
        return new BreakerSettings(
                failureRateThreshold, slidingWindowSize, minimumNumberOfCalls, openDuration, halfOpenCalls, 0, null);
    }
}
