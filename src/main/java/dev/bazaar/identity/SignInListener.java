package dev.bazaar.identity;

import java.util.UUID;

/**
 * Called in the request of every successful registration or sign-in, after the session exists. Lets another
 * module act on what the client sent along (the cart module merges the guest cart the request carries).
 * Failures are logged and do not fail the sign-in.
 */
public interface SignInListener {

    void signedIn(UUID userId);
}
