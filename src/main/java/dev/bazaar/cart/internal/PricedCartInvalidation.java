package dev.bazaar.cart.internal;

import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.inventory.StockChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops the cached priced carts that show a product whose price, title, picture, sale or stock changed. A plain
 * listener, called in the transaction that made the change, rather than an {@code @ApplicationModuleListener}: the
 * eviction then happens as the change commits, so the next read of a cart (the admin's own, a shopper's) shows it,
 * and no event publication is stored for it in every stock-changing transaction (each checkout's reservations).
 */
@Component
class PricedCartInvalidation {

    private final PricedCartCache carts;

    PricedCartInvalidation(PricedCartCache carts) {
        this.carts = carts;
    }

    @EventListener
    void on(ProductChanged event) {
        carts.evictCartsWithProduct(event.productId());
    }

    @EventListener
    void on(StockChanged event) {
        carts.evictCartsWithProduct(event.productId());
    }
}
