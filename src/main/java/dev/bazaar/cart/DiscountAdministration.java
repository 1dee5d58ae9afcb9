package dev.bazaar.cart;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Coupons and customer discounts as the admin console manages them, with the rules of
 * {@code /api/v1/admin/coupons} and {@code /api/v1/admin/customers/{id}/discount}; and how many signed-in
 * shoppers' carts are abandoned. For admins only: the caller checks the role.
 */
public interface DiscountAdministration {

    /** Every coupon, newest first. */
    List<CouponView> coupons();

    /** Creates or changes a coupon (codes are stored in capitals): exactly one of percentOff and amountOff. */
    CouponView saveCoupon(CouponForm form);

    /** Grants (or replaces) a customer's percentage off every cart; 404 for an unknown customer. */
    void grantCustomerDiscount(UUID userId, CustomerDiscountForm form);

    /** Signed-in shoppers' carts holding items and idle for longer than {@code bazaar.cart.abandoned-after}. */
    long abandonedCarts();

    record CouponView(
            String code,
            BigDecimal percentOff,
            BigDecimal amountOff,
            BigDecimal minSubtotal,
            Instant startsAt,
            Instant expiresAt,
            boolean active,
            Integer maxRedemptions,
            Integer maxPerCustomer) {}

    record CouponForm(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{3,50}", message = "must be 3 to 50 letters, digits, - or _")
            String code,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal percentOff,

            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 2)
            BigDecimal amountOff,

            @DecimalMin("0") @Digits(integer = 8, fraction = 2)
            BigDecimal minSubtotal,

            Instant startsAt,
            Instant expiresAt,
            boolean active,
            @jakarta.validation.constraints.Min(1) Integer maxRedemptions,
            @jakarta.validation.constraints.Min(1) Integer maxPerCustomer) {}

    record CustomerDiscountForm(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal percentOff,

            @NotBlank @Size(max = 255) String reason,
            Instant expiresAt) {}
}
