package dev.bazaar.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.bazaar.platform.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an order is in its life: pending → confirmed → shipped → delivered, or cancelled before it ships. Stored,
 * sent in the API and in events by its lower-case {@link #value()}.
 */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** True when {@code next} is one step along the order's life from here. */
    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == CONFIRMED || next == CANCELLED;
            case CONFIRMED -> next == SHIPPED || next == CANCELLED;
            case SHIPPED -> next == DELIVERED;
            case DELIVERED, CANCELLED -> false;
        };
    }

    /** Throws CONFLICT {@code ILLEGAL_TRANSITION} (409 in the API) unless an order that is {@code current} may become this. */
    public OrderStatus requireReachableFrom(OrderStatus current) {
        if (!current.canMoveTo(this)) {
            throw DomainException.conflict(
                    "ILLEGAL_TRANSITION", "An order that is " + current.value() + " cannot become " + value());
        }
        return this;
    }

    /** Shipped and delivered orders are beyond cancelling. */
    public boolean cancellable() {
        return canMoveTo(CANCELLED);
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of this exact lower-case name, as the API and the database spell it; empty for anything else. */
    public static Optional<OrderStatus> ofValue(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value().equals(value))
                .findFirst();
    }

    /** The status of a stored or sent value; anything else is a defect (the values are written by this module). */
    @JsonCreator
    public static OrderStatus fromColumn(String value) {
        return ofValue(value).orElseThrow(() -> new IllegalStateException("Unknown order status " + value));
    }

    /** The lower-case value, as pages, messages and logs name the status. */
    @Override
    public String toString() {
        return value();
    }
}
