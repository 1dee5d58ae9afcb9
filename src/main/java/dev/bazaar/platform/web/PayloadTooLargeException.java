package dev.bazaar.platform.web;

import java.io.IOException;

/** Raised while reading a request body that exceeds {@code bazaar.web.max-body-size}. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
