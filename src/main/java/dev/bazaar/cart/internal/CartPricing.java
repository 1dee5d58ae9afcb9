package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.cart.internal.CouponStore.Coupon;
import dev.bazaar.catalog.ProductCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Prices a cart at the catalog's current prices. This is the one place that decides how discounts stack:
 *
 * <ol>
 *   <li><b>Lines</b>: current price × quantity; a line whose product is gone or inactive is shown but not
 *       charged.
 *   <li><b>Bulk</b>: a line with at least {@code bulk-discount.min-quantity} units gets {@code percent} off that
 *       line.
 *   <li><b>Customer</b>: a discount granted to this customer, as a percentage of what remains after bulk.
 *   <li><b>Coupon</b>: a percentage of what remains after the above, or a fixed amount (never more than what
 *       remains); only when the undiscounted subtotal reaches the coupon's minimum.
 *   <li><b>Shipping</b>: free when what remains reaches {@code shipping.free-above}, otherwise the flat fee; none
 *       for an empty cart.
 * </ol>
 *
 * A cart has one currency, its first available line's (additions in another currency are refused); a line whose
 * product has since been repriced in another currency is flagged {@code currencyMismatch} and left out of every
 * amount, so amounts in different currencies are never added up.
 *
 * <p>total = subtotal + shipping − discount. Every amount is rounded half-even to cents as it is computed, so the
 * parts shown always add up to the total.
 */
@Component
class CartPricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CartProperties properties;

    CartPricing(CartProperties properties) {
        this.properties = properties;
    }

    PricedCart price(
            CartRows cart, Map<UUID, ProductCard> products, BigDecimal customerPercent, Coupon coupon, Instant now) {
        List<PricedCart.Item> items = new ArrayList<>();
        List<PricedCart.Discount> discounts = new ArrayList<>();
        BigDecimal subtotal = cents(BigDecimal.ZERO);
        BigDecimal bulk = cents(BigDecimal.ZERO);
        String currency = null;
        int totalItems = 0;
        for (CartRows.Line line : cart.lines()) {
            ProductCard product = products.get(line.productId());
            if (product == null) {
                items.add(PricedItems.unavailable(line));
                continue;
            }
            currency = currency == null ? product.currency() : currency;
            if (!currency.equals(product.currency())) {
                // never summed: amounts in two currencies have no total
                items.add(PricedItems.of(line, product, cents(BigDecimal.ZERO), cents(BigDecimal.ZERO), true));
                continue;
            }
            BigDecimal lineSubtotal = cents(product.price().multiply(BigDecimal.valueOf(line.quantity())));
            BigDecimal lineBulk = line.quantity() >= properties.bulkDiscount().minQuantity()
                    ? percentOf(lineSubtotal, properties.bulkDiscount().percent())
                    : cents(BigDecimal.ZERO);
            subtotal = subtotal.add(lineSubtotal);
            bulk = bulk.add(lineBulk);
            totalItems += line.quantity();
            items.add(PricedItems.of(line, product, lineSubtotal, lineBulk));
        }
        if (bulk.signum() > 0) {
            discounts.add(new PricedCart.Discount(
                    "bulk",
                    properties.bulkDiscount().percent().stripTrailingZeros().toPlainString() + "% off lines of "
                            + properties.bulkDiscount().minQuantity() + " or more",
                    bulk));
        }
        BigDecimal remaining = subtotal.subtract(bulk);
        if (customerPercent != null && remaining.signum() > 0) {
            BigDecimal customer = percentOf(remaining, customerPercent);
            discounts.add(new PricedCart.Discount(
                    "customer",
                    customerPercent.stripTrailingZeros().toPlainString() + "% customer discount",
                    customer));
            remaining = remaining.subtract(customer);
        }
        PricedCart.CouponState couponState = null;
        if (coupon != null) {
            boolean usable = coupon.usableAt(now);
            boolean reachesMinimum = subtotal.compareTo(coupon.minSubtotal()) >= 0;
            BigDecimal off = cents(BigDecimal.ZERO);
            if (usable && reachesMinimum && remaining.signum() > 0) {
                off = coupon.percentOff() != null
                        ? percentOf(remaining, coupon.percentOff())
                        : cents(coupon.amountOff().min(remaining));
                discounts.add(new PricedCart.Discount("coupon", "Coupon " + coupon.code(), off));
                remaining = remaining.subtract(off);
            }
            String note = !usable
                    ? "expired or withdrawn"
                    : reachesMinimum
                            ? null
                            : "applies from a subtotal of "
                                    + coupon.minSubtotal().toPlainString();
            couponState = new PricedCart.CouponState(coupon.code(), off.signum() > 0, note);
        }
        BigDecimal discount =
                discounts.stream().map(PricedCart.Discount::amount).reduce(cents(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal shipping =
                totalItems == 0 || remaining.compareTo(properties.shipping().freeAbove()) >= 0
                        ? cents(BigDecimal.ZERO)
                        : cents(properties.shipping().flatFee());
        BigDecimal total = subtotal.add(shipping).subtract(discount);
        return new PricedCart(
                cart.id(), items, totalItems, currency, subtotal, discounts, discount, shipping, total, couponState);
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return cents(amount.multiply(percent).divide(HUNDRED));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
