package dev.bazaar.order.internal;

import dev.bazaar.payment.Payments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /orders}: where to ship (an address, or the index of one of the customer's saved
 * addresses) and how to pay. Items and amounts come from the cart. When a price rose since its product was added
 * to the cart, the order is refused (409 PRICE_CHANGED) unless {@code expectedTotal} equals the cart's total now
 * or {@code acceptPriceChanges} is true; an {@code expectedTotal} that differs from the total is always refused.
 */
record PlaceOrderRequest(
        @Valid ShippingAddress shippingAddress,

        @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(9)
        Integer savedAddressIndex,

        @NotNull Payments.Method paymentMethod,
        @Size(max = 100) String cardToken,
        @Size(max = 50) String giftCardCode,

        @jakarta.validation.constraints.DecimalMin("0.00")
        @jakarta.validation.constraints.Digits(integer = 12, fraction = 2)
        java.math.BigDecimal expectedTotal,

        Boolean acceptPriceChanges) {

    record ShippingAddress(
            @NotBlank @Size(max = 255) String recipient,
            @NotBlank @Size(max = 255) String line1,
            @Size(max = 255) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Size(max = 20) String postalCode,

            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US")
            String country,

            @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number")
            String phone) {}
}
