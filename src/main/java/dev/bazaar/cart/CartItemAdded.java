package dev.bazaar.cart;

import java.time.Instant;
import java.util.UUID;

/**
 * Units of a product went into a cart (the design's {@code add_to_cart} behaviour event). {@code userId} is
 * null for a guest cart.
 */
public record CartItemAdded(UUID cartId, UUID userId, UUID productId, int quantity, Instant at) {}
