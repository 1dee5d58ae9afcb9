package dev.bazaar.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order was paid; published by the order module in the payment transaction. */
public record OrderPaid(UUID orderId, UUID userId, List<UUID> productIds, Instant paidAt) {}
