package dev.bazaar.cart;

import java.time.Instant;
import java.util.UUID;

/**
 * A product left a cart, or some of its units did (the design's {@code remove_from_cart} behaviour event).
 * {@code userId} is null for a guest cart.
 */
public record CartItemRemoved(UUID cartId, UUID userId, UUID productId, int quantity, Instant at) {}
