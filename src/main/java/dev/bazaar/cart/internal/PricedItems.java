package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.catalog.ProductCard;
import java.math.BigDecimal;

/** The priced lines of a cart, made from its stored lines and the products as they are now. */
final class PricedItems {

    private PricedItems() {}

    static PricedCart.Item of(CartRows.Line line, ProductCard product, BigDecimal subtotal, BigDecimal bulkDiscount) {
        boolean changed = line.priceWhenAdded().compareTo(product.price()) != 0;
        return new PricedCart.Item(
                line.id(),
                new PricedCart.Product(
                        product.id(),
                        product.title(),
                        product.price(),
                        product.imageUrls().isEmpty()
                                ? null
                                : product.imageUrls().getFirst()),
                line.quantity(),
                product.price(),
                subtotal,
                bulkDiscount,
                changed,
                changed ? line.priceWhenAdded() : null,
                product.stock(),
                false);
    }

    /** A line whose product was removed from sale: shown so the shopper knows, never charged. */
    static PricedCart.Item unavailable(CartRows.Line line) {
        return new PricedCart.Item(
                line.id(),
                new PricedCart.Product(line.productId(), null, null, null),
                line.quantity(),
                null,
                BigDecimal.ZERO.setScale(2),
                null,
                false,
                null,
                0,
                true);
    }
}
