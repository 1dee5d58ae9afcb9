package dev.bazaar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;

/**
 * A module's own cap on the bodies of some of its requests (an image upload is larger than any JSON document),
 * in place of {@code bazaar.web.max-body-size}. The first bean that answers for a request sets its cap.
 */
@FunctionalInterface
public interface RequestBodyLimit {

    /** The largest body accepted for this request, in bytes; empty if this limit does not apply to it. */
    OptionalLong maxBytes(HttpServletRequest request);
}
