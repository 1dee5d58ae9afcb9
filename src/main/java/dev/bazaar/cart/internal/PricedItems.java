package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.catalog.ProductCard;
import java.math.BigDecimal;

/** The priced lines of a cart, made from its stored lines and the products as they are now. */
final class PricedItems {

    private PricedItems() {}

    static PricedCart.Item of(CartRows.Line line, ProductCard product, BigDecimal subtotal, BigDecimal bulkDiscount) {
        return of(line, product, subtotal, bulkDiscount, false);
    }

    /**
     * {@code currencyMismatch}: the product is now priced in another currency than the cart's; shown, never
     * added to the cart's amounts, and checkout is refused until the line is removed.
     */
    static PricedCart.Item of(
            CartRows.Line line,
            ProductCard product,
            BigDecimal subtotal,
            BigDecimal bulkDiscount,
            boolean currencyMismatch) {
        boolean changed = line.priceWhenAdded().compareTo(product.price()) != 0;
        return new PricedCart.Item(
                line.id(),
                new PricedCart.Product(
                        product.id(), product.title(), product.price(), product.currency(), product.imageUrl()),
                line.quantity(),
                product.price(),
                subtotal,
                bulkDiscount,
                changed,
                changed ? line.priceWhenAdded() : null,
                product.stock(),
                false,
                currencyMismatch);
    }

    /** A line whose product was removed from sale: shown so the shopper knows, never charged. */
    static PricedCart.Item unavailable(CartRows.Line line) {
        return new PricedCart.Item(
                line.id(),
                new PricedCart.Product(line.productId(), null, null, null, null),
                line.quantity(),
                null,
                BigDecimal.ZERO.setScale(2),
                null,
                false,
                null,
                0,
                true,
                false);
    }
}
