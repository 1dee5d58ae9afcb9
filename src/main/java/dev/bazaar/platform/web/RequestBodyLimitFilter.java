package dev.bazaar.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Caps request bodies at {@code bazaar.web.max-body-size}. Tomcat limits only form posts, so without this a
 * client could stream an arbitrarily large JSON document into memory. A declared length over the cap is
 * refused at once (and Tomcat reads no further than a declared length); a body without one is cut off as soon as
 * it passes the cap. A module may set another cap for some of its requests with a {@link RequestBodyLimit} bean
 * (image uploads).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends HttpFilter {

    private final long maxBytes;
    private final ErrorResponseWriter errors;
    private final List<RequestBodyLimit> moduleLimits;

    RequestBodyLimitFilter(
            RequestBodyProperties properties, ErrorResponseWriter errors, List<RequestBodyLimit> moduleLimits) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.errors = errors;
        this.moduleLimits = List.copyOf(moduleLimits);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytesFor(request);
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    "Request body exceeds " + maxBytes + " bytes");
            return;
        }
        // every other request goes on unwrapped: a wrapper is one more hop for each of the dozens of attribute and
        // header reads the filters behind this one make
        chain.doFilter(mayCarryUncountedBody(request) ? new LimitedRequest(request, maxBytes) : request, response);
    }

    /**
     * Tomcat reads no more than a declared {@code Content-Length}. Without one, HTTP/1.x carries a body only when
     * chunked; HTTP/2 frames may carry one without either header.
     */
    private static boolean mayCarryUncountedBody(HttpServletRequest request) {
        if (request.getContentLengthLong() >= 0) {
            return false;
        }
        return request.getHeader("Transfer-Encoding") != null
                || !request.getProtocol().startsWith("HTTP/1.");
    }

    private long maxBytesFor(HttpServletRequest request) {
        for (RequestBodyLimit limit : moduleLimits) {
            OptionalLong bytes = limit.maxBytes(request);
            if (bytes.isPresent()) {
                return bytes.getAsLong();
            }
        }
        return maxBytes;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
