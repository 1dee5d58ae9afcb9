package dev.bazaar.order;

import java.time.Instant;
import java.util.UUID;

/** An order moved from one status to another (order-events). */
public record OrderStatusChanged(UUID orderId, UUID userId, OrderStatus from, OrderStatus to, Instant at) {}
