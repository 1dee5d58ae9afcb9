package dev.bazaar.cart.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cart rules ({@code bazaar.cart.*}): how long idle carts live, when a reminder goes out, the bulk discount and
 * shipping, and the most lines ({@code max-lines}) and units per line ({@code max-line-quantity}) a cart holds.
 * Amounts are in the store's currency.
 */
@ConfigurationProperties("bazaar.cart")
record CartProperties(
        Duration guestTtl,
        Duration userTtl,
        Duration abandonedAfter,
        int maxLineQuantity,
        int maxLines,
        BulkDiscount bulkDiscount,
        Shipping shipping) {

    /** {@code percent} off a line once it holds at least {@code minQuantity} units. */
    record BulkDiscount(int minQuantity, BigDecimal percent) {}

    /** Free above {@code freeAbove} (after discounts), {@code flatFee} below. */
    record Shipping(BigDecimal flatFee, BigDecimal freeAbove) {}
}
