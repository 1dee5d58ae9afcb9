package dev.bazaar.inventory;

import java.util.UUID;

/** A reservation asked for more units than are available; nothing was reserved. */
public class InsufficientStockException extends RuntimeException {

    private final UUID productId;
    private final int available;

    public InsufficientStockException(UUID productId, int available) {
        super("Only " + available + " units of product " + productId + " are available");
        this.productId = productId;
        this.available = available;
    }

    public UUID productId() {
        return productId;
    }

    public int available() {
        return available;
    }
}
