package dev.bazaar.web.internal.storefront;

import dev.bazaar.order.ShopperOrders;
import dev.bazaar.payment.Payments;
import java.math.BigDecimal;

/**
 * The checkout form: a saved address (its index) or a new one, and how to pay. {@code idempotencyKey} is made when
 * the review step is shown, so submitting that page twice (double click, back and resubmit, refresh) places one
 * order. {@code expectedTotal} is the total the review step showed: a price raised since then is not charged
 * silently.
 */
record CheckoutForm(
        String address,
        AddressForm shipping,
        Payments.Method paymentMethod,
        String cardToken,
        String giftCardCode,
        BigDecimal expectedTotal,
        String idempotencyKey) {

    static final String NEW_ADDRESS = "new";

    /** The same form for a review step showing {@code total}, under a new key (one order per review shown). */
    CheckoutForm confirming(BigDecimal total) {
        return new CheckoutForm(
                address,
                shipping,
                paymentMethod,
                cardToken,
                giftCardCode,
                total,
                java.util.UUID.randomUUID().toString());
    }

    boolean newAddress() {
        return address == null || NEW_ADDRESS.equals(address);
    }

    Integer savedAddressIndex() {
        if (newAddress()) {
            return null;
        }
        try {
            return Integer.valueOf(address);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    ShopperOrders.OrderForm toOrder() {
        return new ShopperOrders.OrderForm(
                newAddress() && shipping != null ? shipping.toShipping() : null,
                savedAddressIndex(),
                paymentMethod,
                paymentMethod == Payments.Method.CARD ? cardToken : null,
                paymentMethod == Payments.Method.GIFT_CARD ? giftCardCode : null,
                expectedTotal);
    }
}
