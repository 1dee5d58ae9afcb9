package dev.bazaar.platform.ratelimit;

import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ErrorResponseWriter;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} once a client has spent its budget. Runs inside the security chain
 * after the token is verified, so a signed-in user is limited per user and anyone else per IP address.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> AUTH_PATHS =
            Set.of("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh", "/signin", "/signup");

    private final RateLimitProperties properties;
    private final RateLimitBuckets buckets;
    private final ErrorResponseWriter errors;

    RateLimitFilter(RateLimitProperties properties, RateLimitBuckets buckets, ErrorResponseWriter errors) {
        this.properties = properties;
        this.buckets = buckets;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // the storefront's own CSS and scripts come with every page, and media files (/media/**) are immutable
        // static content that belongs behind a CDN: the page or API call itself is what counts
        return !properties.enabled()
                || path.startsWith("/actuator/health")
                || path.startsWith("/assets/")
                || path.startsWith("/webjars/")
                || path.startsWith("/media/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = request.getRemoteAddr();
        if (AUTH_PATHS.contains(request.getRequestURI())) {
            ConsumptionProbe probe = buckets.tryConsume("auth:ip:" + ip, properties.auth());
            if (!probe.isConsumed()) {
                reject(response, probe);
                return;
            }
        }
        Optional<CurrentUser> user = CurrentUser.ofCurrentRequest();
        ConsumptionProbe probe = user.isPresent()
                ? buckets.tryConsume("user:" + user.get().id(), properties.authenticated())
                : buckets.tryConsume("ip:" + ip, properties.anonymous());
        if (!probe.isConsumed()) {
            reject(response, probe);
            return;
        }
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, ConsumptionProbe probe) throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Too many requests; retry after " + seconds + " seconds");
    }
}
