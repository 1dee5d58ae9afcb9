package dev.bazaar.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.netflix.concurrency.limits.Limiter;
import dev.bazaar.platform.web.ErrorResponseWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Under sustained overload the limit flips many times a second; the log says when an overload starts and ends. */
class AdmissionLoggingTest {

    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicLong now = new AtomicLong();
    private final Limiter<Void> limiter = context -> full.get() ? Optional.empty() : Optional.of(new NoOpListener());
    private final AdmissionControlFilter filter = new AdmissionControlFilter(
            limiter,
            mock(ErrorResponseWriter.class),
            new AdmissionProperties(
                    true, AdmissionProperties.Mode.FIXED, 1, 1, 1, Duration.ofMillis(25), Duration.ofSeconds(1)),
            now::get);
    private final Logger logger = (Logger) LoggerFactory.getLogger(AdmissionControlFilter.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void anOverloadThatFlipsManyTimesIsLoggedOnceWhenItStartsAndOnceWhenItEnds() throws Exception {
        for (int flip = 0; flip < 1_000; flip++) {
            full.set(flip % 2 == 0);
            request();
            now.addAndGet(Duration.ofMillis(1).toNanos());
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(1);
        assertThat(filter.rejected()).isEqualTo(500);

        full.set(false);
        now.addAndGet(AdmissionControlFilter.QUIET.toNanos() + 1);
        request();
        request();

        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "Overloaded: answering 503 to requests beyond the limit of requests in flight",
                        "Admitting every request again; 500 shed during the overload, 500 since start");
    }

    private void request() throws Exception {
        filter.doFilter(
                new MockHttpServletRequest("GET", "/api/v1/products"),
                new MockHttpServletResponse(),
                new MockFilterChain());
    }

    private static final class NoOpListener implements Limiter.Listener {
        @Override
        public void onSuccess() {}

        @Override
        public void onIgnore() {}

        @Override
        public void onDropped() {}
    }
}
