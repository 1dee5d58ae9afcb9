package dev.bazaar.payment.internal;

import dev.bazaar.platform.resilience.BreakerSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payment settings ({@code bazaar.payment.*}): how long a gateway call may take, how often an idempotent call
 * is repeated after a timeout, how slowly the test gateway answers for {@code tok_timeout}, and when the
 * circuit breaker in front of the gateway opens (a call that timed out or threw counts as failed).
 */
@ConfigurationProperties("bazaar.payment")
record PaymentProperties(Gateway gateway, TestGateway testGateway, BreakerSettings circuitBreaker) {

    /**
     * {@code timeout}: the longest a gateway call may take before it counts as failed (its outcome unknown).
     * {@code retriesOnTimeout}: how many more times a timed-out capture or refund is sent, with the same key.
     */
    record Gateway(Duration timeout, int retriesOnTimeout) {}

    /** {@code slowDelay}: how late the test gateway answers for {@code tok_timeout}; longer than the timeout. */
    record TestGateway(Duration slowDelay) {}
}
