package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import java.time.Instant;

/**
 * A priced cart as the {@code cart} cache keeps it. {@code validUntil} is when a coupon or customer discount it
 * counted starts or ends (null: none does), as the price then changes with no event to evict it.
 */
record CachedPricedCart(PricedCart cart, Instant validUntil) {

    boolean validAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }
}
