package dev.bazaar.platform.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.bazaar.platform.web.ErrorResponseWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
@ConditionalOnProperty(name = "bazaar.admission.enabled", havingValue = "true", matchIfMissing = true)
class AdmissionConfiguration {

    @Bean
    SimpleLimiter<Void> requestsInFlightLimiter(AdmissionProperties properties) {
        Limit limit = switch (properties.mode()) {
            case FIXED -> FixedLimit.of(properties.maxConcurrency());
            case ADAPTIVE ->
                Gradient2Limit.newBuilder()
                        .initialLimit(properties.initialLimit())
                        .minLimit(properties.minLimit())
                        .maxConcurrency(properties.maxConcurrency())
                        .build();
            case LATENCY ->
                AIMDLimit.newBuilder()
                        .initialLimit(properties.initialLimit())
                        .minLimit(properties.minLimit())
                        .maxLimit(properties.maxConcurrency())
                        .timeout(properties.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                        .build();
        };
        return SimpleLimiter.newBuilder().named("requests").limit(limit).build();
    }

    /** Right after the request id (so a shed answer carries one), before security and everything else. */
    @Bean
    FilterRegistrationBean<AdmissionControlFilter> admissionControlFilter(
            SimpleLimiter<Void> limiter,
            ErrorResponseWriter errors,
            AdmissionProperties properties,
            MeterRegistry meters) {
        AdmissionControlFilter filter = new AdmissionControlFilter(limiter, errors, properties);
        FunctionCounter.builder("bazaar.admission.rejected", filter, AdmissionControlFilter::rejected)
                .description("Requests answered 503 because too many were in flight")
                .register(meters);
        Gauge.builder("bazaar.admission.limit", limiter, SimpleLimiter::getLimit)
                .description("Requests admitted in flight at once (adapts to latency unless fixed)")
                .register(meters);
        Gauge.builder("bazaar.admission.in-flight", limiter, SimpleLimiter::getInflight)
                .description("Requests in flight now")
                .register(meters);
        FilterRegistrationBean<AdmissionControlFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
