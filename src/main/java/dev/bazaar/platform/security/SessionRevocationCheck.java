package dev.bazaar.platform.security;

import java.util.UUID;

/**
 * Tells whether a sign-in session is still active, so that an access token stops working as soon as its
 * session is logged out or revoked. Implemented by the identity module.
 */
public interface SessionRevocationCheck {

    boolean isActive(UUID sessionId);
}
