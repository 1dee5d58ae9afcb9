package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.cart.internal.CouponStore.Coupon;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>total = subtotal + shipping − discount. Every amount is a {@link Money} in the cart's currency, rounded
 * half-even to cents as it is computed ({@link Money#percent}), so the parts shown always add up to the total. A
 * coupon's amounts and the shipping fee and threshold have no currency of their own: they count in the cart's. A
 * cart without a product for sale has no currency and no amounts (see {@link PricedCart}).
 */
@Component
class CartPricing {

    private final CartProperties properties;

    CartPricing(CartProperties properties) {
        this.properties = properties;
    }

    PricedCart price(
            CartRows cart, Map<UUID, ProductCard> products, BigDecimal customerPercent, Coupon coupon, Instant now) {
        String currency = cart.lines().stream()
                .map(line -> products.get(line.productId()))
                .filter(Objects::nonNull)
                .map(product -> product.price().currency())
                .findFirst()
                .orElse(null);
        if (currency == null) {
            return withoutCurrency(cart, coupon, now);
        }
        Money zero = Money.zero(currency);
        List<PricedCart.Item> items = new ArrayList<>();
        List<PricedCart.Discount> discounts = new ArrayList<>();
        Money subtotal = zero;
        Money bulk = zero;
        int totalItems = 0;
        for (CartRows.Line line : cart.lines()) {
            ProductCard product = products.get(line.productId());
            if (product == null) {
                items.add(PricedItems.unavailable(line));
                continue;
            }
            if (!currency.equals(product.price().currency())) {
                // never summed: amounts in two currencies have no total
                Money none = Money.zero(product.price().currency());
                items.add(PricedItems.of(line, product, none, none, true));
                continue;
            }
            Money lineSubtotal = product.price().times(line.quantity());
            Money lineBulk = line.quantity() >= properties.bulkDiscount().minQuantity()
                    ? lineSubtotal.percent(properties.bulkDiscount().percent())
                    : zero;
            subtotal = subtotal.plus(lineSubtotal);
            bulk = bulk.plus(lineBulk);
            totalItems += line.quantity();
            items.add(PricedItems.of(line, product, lineSubtotal, lineBulk));
        }
        if (bulk.isPositive()) {
            discounts.add(new PricedCart.Discount(
                    "bulk",
                    properties.bulkDiscount().percent().stripTrailingZeros().toPlainString() + "% off lines of "
                            + properties.bulkDiscount().minQuantity() + " or more",
                    bulk));
        }
        Money remaining = subtotal.minus(bulk);
        if (customerPercent != null && remaining.isPositive()) {
            Money customer = remaining.percent(customerPercent);
            discounts.add(new PricedCart.Discount(
                    "customer",
                    customerPercent.stripTrailingZeros().toPlainString() + "% customer discount",
                    customer));
            remaining = remaining.minus(customer);
        }
        PricedCart.CouponState couponState = null;
        if (coupon != null) {
            boolean usable = coupon.usableAt(now);
            boolean reachesMinimum = subtotal.amount().compareTo(coupon.minSubtotal()) >= 0;
            Money off = zero;
            if (usable && reachesMinimum && remaining.isPositive()) {
                // a coupon's amounts have no currency of their own: they apply in the cart's
                off = coupon.percentOff() != null
                        ? remaining.percent(coupon.percentOff())
                        : Money.of(cents(coupon.amountOff()), currency).min(remaining);
                discounts.add(new PricedCart.Discount("coupon", "Coupon " + coupon.code(), off));
                remaining = remaining.minus(off);
            }
            couponState = couponState(coupon, usable, reachesMinimum, off.isPositive());
        }
        Money discount = discounts.stream().map(PricedCart.Discount::amount).reduce(zero, Money::plus);
        // the shipping fee and threshold are configured without a currency: they apply in the cart's
        Money shipping = totalItems == 0
                        || remaining.amount().compareTo(properties.shipping().freeAbove()) >= 0
                ? zero
                : Money.of(cents(properties.shipping().flatFee()), currency);
        Money total = subtotal.plus(shipping).minus(discount);
        return new PricedCart(
                cart.id(), items, totalItems, subtotal, discounts, discount, shipping, total, couponState);
    }

    /**
     * A cart without a product for sale (empty, or only lines whose product was taken off sale): nothing to charge
     * and no currency yet, so its amounts are null (written as {@code 0.00}). Its coupon is reported as for a
     * subtotal of zero.
     */
    private static PricedCart withoutCurrency(CartRows cart, Coupon coupon, Instant now) {
        List<PricedCart.Item> items =
                cart.lines().stream().map(PricedItems::unavailable).toList();
        PricedCart.CouponState couponState = coupon == null
                ? null
                : couponState(coupon, coupon.usableAt(now), coupon.minSubtotal().signum() <= 0, false);
        return new PricedCart(cart.id(), items, 0, null, List.of(), null, null, null, couponState);
    }

    private static PricedCart.CouponState couponState(
            Coupon coupon, boolean usable, boolean reachesMinimum, boolean applied) {
        String note = !usable
                ? "expired or withdrawn"
                : reachesMinimum
                        ? null
                        : "applies from a subtotal of " + coupon.minSubtotal().toPlainString();
        return new PricedCart.CouponState(coupon.code(), applied, note);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
