package dev.bazaar.media.internal;

import dev.bazaar.platform.web.RequestBodyLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Image uploads (the API's and the admin console's) may be larger than {@code bazaar.web.max-body-size}: up to {@code bazaar.media.max-upload-size}
 * plus room for the multipart framing. The file part itself is held to {@code max-upload-size} by the multipart
 * settings ({@link MediaConfiguration}).
 */
@Component
class UploadBodyLimit implements RequestBodyLimit {

    private static final Pattern UPLOAD =
            Pattern.compile("/api/v1/products/[^/]+/images/?|/admin/products/[^/]+/images/?");
    static final long MULTIPART_FRAMING = 64 * 1024;

    private final long maxBytes;

    UploadBodyLimit(MediaProperties properties) {
        this.maxBytes = properties.maxUploadSize().toBytes() + MULTIPART_FRAMING;
    }

    @Override
    public OptionalLong maxBytes(HttpServletRequest request) {
        if ("POST".equals(request.getMethod())
                && UPLOAD.matcher(request.getRequestURI()).matches()) {
            return OptionalLong.of(maxBytes);
        }
        return OptionalLong.empty();
    }
}
