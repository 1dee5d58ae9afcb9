package dev.bazaar.cart.internal;

import dev.bazaar.cart.DiscountAdministration;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ErrorDetail;
import dev.bazaar.platform.web.RequestValidator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link DiscountAdministration} over {@link CouponStore}, validating as {@code CouponAdminController} does. */
@Service
class DiscountAdministrationService implements DiscountAdministration {

    private final CouponStore coupons;
    private final CartProperties properties;
    private final JdbcClient jdbc;
    private final RequestValidator requests;

    DiscountAdministrationService(
            CouponStore coupons, CartProperties properties, JdbcClient jdbc, RequestValidator requests) {
        this.coupons = coupons;
        this.properties = properties;
        this.jdbc = jdbc;
        this.requests = requests;
    }

    @Override
    public List<CouponView> coupons() {
        return coupons.all().stream().map(DiscountAdministrationService::view).toList();
    }

    @Override
    public CouponView saveCoupon(CouponForm form) {
        valid(form);
        if (form.startsAt() != null
                && form.expiresAt() != null
                && !form.expiresAt().isAfter(form.startsAt())) {
            throw DomainException.invalidField("expiresAt", "must be after startsAt");
        }
        if ((form.percentOff() == null) == (form.amountOff() == null)) {
            throw DomainException.invalidRequest(
                    "VALIDATION_FAILED", "Give exactly one of percentOff and amountOff", null);
        }
        CouponStore.Coupon coupon = new CouponStore.Coupon(
                form.code().toUpperCase(Locale.ROOT),
                form.percentOff(),
                form.amountOff(),
                form.minSubtotal() == null ? BigDecimal.ZERO : form.minSubtotal(),
                form.startsAt(),
                form.expiresAt(),
                form.active(),
                form.maxRedemptions(),
                form.maxPerCustomer());
        coupons.save(coupon);
        return view(coupon);
    }

    @Override
    public void grantCustomerDiscount(UUID userId, CustomerDiscountForm form) {
        valid(form);
        try {
            coupons.grantCustomerDiscount(
                    userId, form.percentOff(), form.reason().strip(), form.expiresAt());
        } catch (DataIntegrityViolationException unknownUser) {
            throw DomainException.notFound("Customer");
        }
    }

    @Override
    public long abandonedCarts() {
        Instant cutoff = Instant.now().minus(properties.abandonedAfter());
        return jdbc.sql("SELECT count(*) FROM carts c WHERE c.user_id IS NOT NULL AND c.updated_at < :cutoff "
                        + "AND EXISTS (SELECT 1 FROM cart_items i WHERE i.cart_id = c.id)")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    private static CouponView view(CouponStore.Coupon coupon) {
        return new CouponView(
                coupon.code(),
                coupon.percentOff(),
                coupon.amountOff(),
                coupon.minSubtotal(),
                coupon.startsAt(),
                coupon.expiresAt(),
                coupon.active(),
                coupon.maxRedemptions(),
                coupon.maxPerCustomer());
    }

    private <T> T valid(T request) {
        List<ErrorDetail> problems = requests.problems(request);
        if (!problems.isEmpty()) {
            throw DomainException.invalidRequest("VALIDATION_FAILED", "Some fields are not valid", problems);
        }
        return request;
    }
}
