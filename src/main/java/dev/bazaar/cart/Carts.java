package dev.bazaar.cart;

import dev.bazaar.platform.Money;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What other modules need from a signed-in user's cart: checkout, and recommendations (not what is in it). */
public interface Carts {

    /**
     * The cart priced now, exactly as the shopper sees it, read from the database with the cart locked until the
     * caller's transaction ends: concurrent checkouts of one user (and the clearing after one) queue here. Lines
     * no longer for sale are left out. Must run in the caller's transaction.
     */
    CheckoutCart lockForCheckout(UUID userId);

    /**
     * Counts one redemption of the coupon by the order, in the caller's transaction, under the coupon's lock so
     * that its limits (in all, per customer, validity window) cannot be exceeded by concurrent checkouts. Empty
     * when counted; otherwise why the coupon cannot be used.
     */
    java.util.Optional<String> redeemCoupon(String code, UUID userId, UUID orderId);

    /** Gives back the coupon redemption of an order that was cancelled or not paid; does nothing if none. */
    void releaseCoupon(UUID orderId);

    /** The products in the user's cart now, whether or not still for sale; empty when there is no cart. */
    Set<UUID> productsInCart(UUID userId);

    /**
     * Empties the cart after an order was placed from it (no removal events: the items were bought), under the
     * cart's lock. Must run in the caller's transaction.
     */
    void clearAfterCheckout(UUID userId);

    /** Amounts in the cart's currency; null for a cart with no line for sale, which has no currency. */
    record CheckoutCart(
            List<Line> lines,
            Money subtotal,
            Money discount,
            Money shipping,
            Money total,
            String couponCode,
            java.time.Instant changedAt) {

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public String currency() {
            return total == null ? null : total.currency();
        }
    }

    /**
     * A line at its current price, in the product's currency (a line in another currency than the cart's is not
     * counted in any amount); {@code priceWhenAdded} is what the shopper saw when adding it.
     */
    record Line(UUID productId, String title, int quantity, Money unitPrice, Money lineTotal, Money priceWhenAdded) {

        public String currency() {
            return unitPrice.currency();
        }
    }
}
