package dev.bazaar.cart.internal;

import dev.bazaar.identity.Customers;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Coupons and customer discounts (everything under /api/v1/admin needs ADMIN). */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: discounts", description = "Coupon codes and per-customer discounts (ADMIN only)")
class CouponAdminController {

    private final CouponStore coupons;
    private final Customers customers;

    CouponAdminController(CouponStore coupons, Customers customers) {
        this.coupons = coupons;
        this.customers = customers;
    }

    @GetMapping("/coupons")
    @Operation(summary = "All coupon codes, newest first")
    ApiResponse<List<CouponStore.Coupon>> list() {
        return ApiResponse.of(coupons.all());
    }

    @PutMapping(path = "/coupons/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create or change a coupon: percentOff or amountOff, optional minimum basket, validity window "
                    + "(startsAt, expiresAt) and redemption limits (maxRedemptions in all, maxPerCustomer)",
            description = "A redemption is counted when an order using the coupon is placed and given back when that "
                    + "order is cancelled.")
    ApiResponse<CouponStore.Coupon> save(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{3,50}") String code, @Valid @RequestBody CouponBody body) {
        if ((body.percentOff() == null) == (body.amountOff() == null)) {
            throw DomainException.invalidRequest(
                    "VALIDATION_FAILED", "Give exactly one of percentOff and amountOff", null);
        }
        if (body.startsAt() != null
                && body.expiresAt() != null
                && !body.startsAt().isBefore(body.expiresAt())) {
            throw DomainException.invalidField("startsAt", "must be before expiresAt");
        }
        CouponStore.Coupon coupon = new CouponStore.Coupon(
                code.toUpperCase(java.util.Locale.ROOT),
                body.percentOff(),
                body.amountOff(),
                body.minSubtotal() == null ? BigDecimal.ZERO : body.minSubtotal(),
                body.startsAt(),
                body.expiresAt(),
                body.active() == null || body.active(),
                body.maxRedemptions(),
                body.maxPerCustomer());
        coupons.save(coupon);
        return ApiResponse.of(coupon);
    }

    @PutMapping(path = "/customers/{userId}/discount", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Grant a customer a percentage off every cart; 404 for an unknown user")
    ApiResponse<Void> grant(@PathVariable UUID userId, @Valid @RequestBody CustomerDiscountBody body) {
        if (customers.contactOf(userId).isEmpty()) {
            throw DomainException.notFound("Customer");
        }
        coupons.grantCustomerDiscount(userId, body.percentOff(), body.reason(), body.expiresAt());
        return ApiResponse.message("Discount granted");
    }

    record CouponBody(
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal percentOff,

            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 2)
            BigDecimal amountOff,

            @DecimalMin("0") @Digits(integer = 8, fraction = 2)
            BigDecimal minSubtotal,

            Instant startsAt,
            Instant expiresAt,
            Boolean active,
            @Min(1) Integer maxRedemptions,
            @Min(1) Integer maxPerCustomer) {}

    record CustomerDiscountBody(
            @jakarta.validation.constraints.NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("100")
            @Digits(integer = 3, fraction = 2)
            BigDecimal percentOff,

            @NotBlank @Size(max = 255) String reason,
            Instant expiresAt) {}
}
