package dev.bazaar.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What checkout needs from a signed-in user's cart. */
public interface Carts {

    /** The cart priced now, exactly as the shopper sees it; lines no longer for sale are left out. */
    CheckoutCart forCheckout(UUID userId);

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
