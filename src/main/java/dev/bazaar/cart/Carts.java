package dev.bazaar.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What other modules need from a signed-in user's cart: checkout, and recommendations (not what is in it). */
public interface Carts {

    /** The cart priced now, exactly as the shopper sees it; lines no longer for sale are left out. */
    CheckoutCart forCheckout(UUID userId);

    /** The products in the user's cart now, whether or not still for sale; empty when there is no cart. */
    Set<UUID> productsInCart(UUID userId);

    /** Empties the cart after an order was placed from it (no removal events: the items were bought). */
    void clearAfterCheckout(UUID userId);

    record CheckoutCart(
            List<Line> lines,
            String currency,
            BigDecimal subtotal,
            BigDecimal discount,
            BigDecimal shipping,
            BigDecimal total,
            String couponCode) {

        public boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    record Line(UUID productId, String title, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
}
