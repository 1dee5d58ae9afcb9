package dev.bazaar.inventory;

import java.time.Instant;
import java.util.UUID;

/** An unpaid order's hold on stock ran out and was released; the order should be cancelled if still unpaid. */
public record ReservationExpired(UUID orderId, Instant at) {}
