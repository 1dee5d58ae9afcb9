package dev.bazaar.platform.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bound on requests in flight ({@code bazaar.admission.*}).
 *
 * @param enabled whether requests beyond the limit are shed at all
 * @param mode {@code adaptive}: the limit follows the measured latency (Netflix's Gradient2 algorithm: it grows
 *     while answers stay as fast as when idle and shrinks as they queue), between {@code minLimit} and {@code
 *     maxConcurrency}; {@code latency}: additive increase, multiplicative decrease (Netflix's AIMD) whenever a
 *     request takes longer than {@code latencyTarget} inside the server or something behind the edge gives up;
 *     {@code fixed}: always {@code maxConcurrency}
 * @param initialLimit where the adaptive limit starts
 * @param minLimit the adaptive limit never goes below this
 * @param maxConcurrency the most requests in flight at once
 * @param latencyTarget in {@code latency} mode, the time in the server above which a request counts as a sign of
 *     overload
 * @param retryAfter what a shed request is told to wait before trying again
 */
@ConfigurationProperties("bazaar.admission")
public record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("adaptive") Mode mode,
        @DefaultValue("50") int initialLimit,
        @DefaultValue("20") int minLimit,
        @DefaultValue("100") int maxConcurrency,
        @DefaultValue("25ms") Duration latencyTarget,
        @DefaultValue("1s") Duration retryAfter) {

    public enum Mode {
        ADAPTIVE,
        LATENCY,
        FIXED
    }
}
