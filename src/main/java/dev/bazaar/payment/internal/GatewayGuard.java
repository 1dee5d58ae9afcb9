package dev.bazaar.payment.internal;

import dev.bazaar.platform.Money;
import dev.bazaar.platform.resilience.CircuitBreakers;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Every call to the {@link PaymentGateway} goes through here: it runs on a virtual thread and is given up after
 * {@code bazaar.payment.gateway.timeout} (Resilience4j {@link TimeLimiter}, which also interrupts it), inside a
 * Resilience4j {@link CircuitBreaker} that counts timeouts and exceptions (not declines: a decline is an answer).
 * While the breaker is open, calls fail at once without reaching the gateway, so a processor in trouble is not
 * hammered and checkouts do not pile up waiting for it.
 *
 * <p>Only idempotent calls are repeated: a capture or refund that timed out is sent again, with the same key, up
 * to {@code bazaar.payment.gateway.retries-on-timeout} times. An authorization is not repeated here: the caller
 * gets {@link GatewayUnavailable} at once and may repeat the whole charge with its key.
 */
@Component
class GatewayGuard implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayGuard.class);

    private final PaymentGateway gateway;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker breaker;
    private final int retriesOnTimeout;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    GatewayGuard(PaymentGateway gateway, PaymentProperties properties) {
        this.gateway = gateway;
        this.timeLimiter = TimeLimiter.of(
                "payment-gateway",
                TimeLimiterConfig.custom()
                        .timeoutDuration(properties.gateway().timeout())
                        .cancelRunningFuture(true)
                        .build());
        this.breaker = CircuitBreakers.create("payment-gateway", "Payment gateway", properties.circuitBreaker());
        this.retriesOnTimeout = properties.gateway().retriesOnTimeout();
    }

    PaymentGateway.Result authorize(String key, String cardToken, Money amount) {
        return call("authorize", key, 0, () -> gateway.authorize(key, cardToken, amount));
    }

    PaymentGateway.Result capture(String key, String authorizationReference, Money amount) {
        return call("capture", key, retriesOnTimeout, () -> gateway.capture(key, authorizationReference, amount));
    }

    PaymentGateway.Result refund(String key, String captureReference, Money amount) {
        return call("refund", key, retriesOnTimeout, () -> gateway.refund(key, captureReference, amount));
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private PaymentGateway.Result call(
            String operation, String key, int retries, Callable<PaymentGateway.Result> call) {
        boolean sent = false;
        for (int attempt = 0; ; attempt++) {
            try {
                return breaker.executeCallable(() -> {
                    return timeLimiter.executeFutureSupplier(() -> executor.submit(call));
                });
            } catch (CallNotPermittedException e) {
                throw new GatewayUnavailable(
                        "The payment gateway's circuit breaker is open; " + operation + " not sent", sent, e);
            } catch (TimeoutException e) {
                sent = true;
                if (attempt < retries) {
                    log.warn("Payment gateway {} {} timed out; sending it again with the same key", operation, key);
                    continue;
                }
                throw new GatewayUnavailable("The payment gateway did not answer " + operation + " in time", true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailable("Interrupted waiting for the payment gateway", true, e);
            } catch (Exception e) {
                throw new GatewayUnavailable("The payment gateway failed on " + operation, true, e);
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
