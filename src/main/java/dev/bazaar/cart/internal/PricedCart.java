package dev.bazaar.cart.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bazaar.catalog.ProductCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A cart priced now: the design's cart shape, with each discount and price change spelled out. */
record PricedCart(
        UUID cartId,
        List<Item> items,
        int totalItems,
        String currency,
        BigDecimal subtotal,
        List<Discount> discounts,
        BigDecimal discount,
        BigDecimal shipping,
        BigDecimal total,
        CouponState coupon) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            UUID id,
            Product product,
            int quantity,
            BigDecimal price,
            BigDecimal subtotal,
            BigDecimal bulkDiscount,
            boolean priceChanged,
            BigDecimal previousPrice,
            Integer available,
            boolean unavailable,
            boolean currencyMismatch) {

        static Item of(CartRows.Line line, ProductCard product, BigDecimal subtotal, BigDecimal bulkDiscount) {
            return of(line, product, subtotal, bulkDiscount, false);
        }

        /**
         * {@code currencyMismatch}: the product is now priced in another currency than the cart's; shown, never
         * added to the cart's amounts, and checkout is refused until the line is removed.
         */
        static Item of(
                CartRows.Line line,
                ProductCard product,
                BigDecimal subtotal,
                BigDecimal bulkDiscount,
                boolean currencyMismatch) {
            boolean changed = line.priceWhenAdded().compareTo(product.price()) != 0;
            return new Item(
                    line.id(),
                    new Product(
                            product.id(),
                            product.title(),
                            product.price(),
                            product.currency(),
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
                    false,
                    currencyMismatch);
        }

        /** A line whose product was removed from sale: shown so the shopper knows, never charged. */
        static Item unavailable(CartRows.Line line) {
            return new Item(
                    line.id(),
                    new Product(line.productId(), null, null, null, null),
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Product(UUID id, String title, BigDecimal price, String currency, String imageUrl) {}

    record Discount(String type, String description, BigDecimal amount) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CouponState(String code, boolean applied, String note) {}
}
