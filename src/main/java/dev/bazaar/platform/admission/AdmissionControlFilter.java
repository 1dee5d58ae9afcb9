package dev.bazaar.platform.admission;

import com.netflix.concurrency.limits.Limiter;
import dev.bazaar.platform.web.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Admits a request only while fewer than the limit are in flight, and answers the rest at once with 503 and
 * {@code Retry-After} in the API envelope. It runs before security, so a shed request costs no token check,
 * no session and no database connection. Past saturation this keeps the admitted requests at their normal
 * latency, where an unbounded server would let every request queue for the database pool until all of them
 * time out.
 *
 * <p>Shedding is logged once when an overload starts and once when it ends, an overload ending only after {@link
 * #QUIET} without a shed request: under sustained overload the limit lets requests in and shuts them out many times
 * a second, and a line per flip was a WARN storm (9,000 lines in one benchmark run). In between, the counter {@code
 * bazaar.admission.rejected} tells how much.
 */
class AdmissionControlFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(AdmissionControlFilter.class);

    private final Limiter<Void> limiter;
    private final ErrorResponseWriter errors;
    private final String retryAfterSeconds;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final AtomicLong lastShedNanos = new AtomicLong();
    private final AtomicLong rejectedWhenOverloadStarted = new AtomicLong();
    private final LongSupplier nanoClock;

    /** How long no request must be shed before an overload counts as over. */
    static final Duration QUIET = Duration.ofSeconds(5);

    AdmissionControlFilter(Limiter<Void> limiter, ErrorResponseWriter errors, AdmissionProperties properties) {
        this(limiter, errors, properties, System::nanoTime);
    }

    AdmissionControlFilter(
            Limiter<Void> limiter, ErrorResponseWriter errors, AdmissionProperties properties, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.limiter = limiter;
        this.errors = errors;
        this.retryAfterSeconds =
                Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
    }

    /**
     * Operators must be able to act on an overloaded store and load balancers to probe it; the storefront's own
     * assets and media files are static and cheap.
     */
    private static boolean isExempt(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/v1/admin/")
                || path.equals("/admin")
                || path.startsWith("/admin/")
                || path.startsWith("/actuator/")
                || path.startsWith("/assets/")
                || path.startsWith("/webjars/")
                || path.startsWith("/media/");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isExempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Limiter.Listener> admitted = limiter.acquire(null);
        if (admitted.isEmpty()) {
            shed(response);
            return;
        }
        if (shedding.get()
                && nanoClock.getAsLong() - lastShedNanos.get() > QUIET.toNanos()
                && shedding.compareAndSet(true, false)) {
            log.info(
                    "Admitting every request again; {} shed during the overload, {} since start",
                    rejected.get() - rejectedWhenOverloadStarted.get(),
                    rejected.get());
        }
        Limiter.Listener listener = admitted.get();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a failure's latency says nothing about how loaded the server is
            listener.onIgnore();
            throw e;
        }
        if (response.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // something behind the edge (the database pool, a breaker) gave up: count it as a sign of overload
            listener.onDropped();
        } else {
            listener.onSuccess();
        }
    }

    private void shed(HttpServletResponse response) throws IOException {
        long shedSoFar = rejected.incrementAndGet();
        lastShedNanos.set(nanoClock.getAsLong());
        if (shedding.compareAndSet(false, true)) {
            rejectedWhenOverloadStarted.set(shedSoFar - 1);
            log.warn("Overloaded: answering 503 to requests beyond the limit of requests in flight");
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        errors.write(
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "OVERLOADED",
                "The store is busier than it can serve right now; retry after " + retryAfterSeconds + " s");
    }

    long rejected() {
        return rejected.get();
    }
}
