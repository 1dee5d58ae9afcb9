package dev.bazaar.cart.internal;

import java.util.UUID;

/** Whose cart a request means: a signed-in user's, or a guest's identified by the hash of their cart token. */
sealed interface CartOwner {

    record User(UUID userId) implements CartOwner {}

    record Guest(String tokenHash) implements CartOwner {}

    /** A guest without a token yet: has no cart; one is created (with a new token) on the first addition. */
    record NewGuest() implements CartOwner {}
}
