package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.platform.Money;

/** The priced lines of a cart, made from its stored lines and the products as they are now. */
final class PricedItems {

    private PricedItems() {}

    static PricedCart.Item of(CartRows.Line line, ProductCard product, Money subtotal, Money bulkDiscount) {
        return of(line, product, subtotal, bulkDiscount, false);
    }

    /**
     * {@code currencyMismatch}: the product is now priced in another currency than the cart's; shown, never
     * added to the cart's amounts, and checkout is refused until the line is removed.
     */
    static PricedCart.Item of(
            CartRows.Line line, ProductCard product, Money subtotal, Money bulkDiscount, boolean currencyMismatch) {
        // the price a line was added at is stored without a currency: the product's when it was added
        boolean changed = line.priceWhenAdded().compareTo(product.price().amount()) != 0;
        return new PricedCart.Item(
                line.id(),
                new PricedCart.Product(product.id(), product.title(), product.price(), product.imageUrl()),
                line.quantity(),
                product.price(),
                subtotal,
                bulkDiscount,
                changed,
                changed ? Money.of(line.priceWhenAdded(), product.price().currency()) : null,
                product.stock(),
                false,
                currencyMismatch);
    }

    /** A line whose product was removed from sale: shown so the shopper knows, never charged (no price, no amounts). */
    static PricedCart.Item unavailable(CartRows.Line line) {
        return new PricedCart.Item(
                line.id(),
                new PricedCart.Product(line.productId(), null, null, null),
                line.quantity(),
                null,
                null,
                null,
                false,
                null,
                0,
                true,
                false);
    }
}
