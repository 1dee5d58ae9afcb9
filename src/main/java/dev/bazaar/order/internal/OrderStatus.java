package dev.bazaar.order.internal;

import dev.bazaar.platform.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an order is in its life: pending → confirmed → shipped → delivered, or cancelled before it ships. Stored,
 * sent in the API and in events by its lower-case {@link #value()}.
 */
enum OrderStatus {
    PENDING,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** True when {@code next} is one step along the order's life from here. */
    boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == CONFIRMED || next == CANCELLED;
            case CONFIRMED -> next == SHIPPED || next == CANCELLED;
            case SHIPPED -> next == DELIVERED;
            case DELIVERED, CANCELLED -> false;
        };
    }

    /** Throws CONFLICT {@code ILLEGAL_TRANSITION} (409 in the API) unless an order that is {@code current} may become this. */
    OrderStatus requireReachableFrom(OrderStatus current) {
        if (!current.canMoveTo(this)) {
            throw DomainException.conflict(
                    "ILLEGAL_TRANSITION", "An order that is " + current.value() + " cannot become " + value());
        }
        return this;
    }

    /** Shipped and delivered orders are beyond cancelling. */
    boolean cancellable() {
        return canMoveTo(CANCELLED);
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of this exact lower-case name, as the API and the database spell it; empty for anything else. */
    static Optional<OrderStatus> ofValue(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value().equals(value))
                .findFirst();
    }

    static OrderStatus fromColumn(String value) {
        return ofValue(value).orElseThrow(() -> new IllegalStateException("Unknown order status " + value));
    }
}
