package dev.bazaar.cart.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code coupons} and {@code customer_discounts} tables. Saving a coupon or a customer's discount drops the
 * cached priced carts it changes.
 */
@Repository
class CouponStore {

    private final JdbcClient jdbc;
    private final PricedCartCache pricedCarts;

    CouponStore(JdbcClient jdbc, PricedCartCache pricedCarts) {
        this.jdbc = jdbc;
        this.pricedCarts = pricedCarts;
    }

    Optional<Coupon> find(String code) {
        return jdbc.sql("SELECT code, percent_off, amount_off, min_subtotal, starts_at, expires_at, active, "
                        + "max_redemptions, max_per_customer FROM coupons WHERE code = :code")
                .param("code", code)
                .query((rs, row) -> new Coupon(
                        rs.getString("code"),
                        rs.getBigDecimal("percent_off"),
                        rs.getBigDecimal("amount_off"),
                        rs.getBigDecimal("min_subtotal"),
                        instant(rs.getObject("starts_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        rs.getBoolean("active"),
                        (Integer) rs.getObject("max_redemptions"),
                        (Integer) rs.getObject("max_per_customer")))
                .optional();
    }

    List<Coupon> all() {
        return jdbc.sql("SELECT code FROM coupons ORDER BY created_at DESC").query(String.class).list().stream()
                .map(code -> find(code).orElseThrow())
                .toList();
    }

    void save(Coupon coupon) {
        jdbc.sql("INSERT INTO coupons (code, percent_off, amount_off, min_subtotal, starts_at, expires_at, active, "
                        + "max_redemptions, max_per_customer) VALUES (:code, :percent, :amount, :min, :starts, :expires, "
                        + ":active, :maxRedemptions, :maxPerCustomer) ON CONFLICT (code) DO UPDATE SET "
                        + "percent_off = EXCLUDED.percent_off, amount_off = EXCLUDED.amount_off, "
                        + "min_subtotal = EXCLUDED.min_subtotal, starts_at = EXCLUDED.starts_at, "
                        + "expires_at = EXCLUDED.expires_at, active = EXCLUDED.active, "
                        + "max_redemptions = EXCLUDED.max_redemptions, max_per_customer = EXCLUDED.max_per_customer")
                .param("code", coupon.code())
                .param("percent", coupon.percentOff())
                .param("amount", coupon.amountOff())
                .param("min", coupon.minSubtotal())
                .param("starts", timestamp(coupon.startsAt()))
                .param("expires", timestamp(coupon.expiresAt()))
                .param("active", coupon.active())
                .param("maxRedemptions", coupon.maxRedemptions())
                .param("maxPerCustomer", coupon.maxPerCustomer())
                .update();
        pricedCarts.evictCartsWithCoupon(coupon.code());
    }

    /** How often a coupon was redeemed by orders not cancelled: by everyone, and by one customer. */
    Usage usage(String code, UUID userId) {
        return jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE user_id = :userId) AS mine "
                        + "FROM coupon_redemptions WHERE code = :code")
                .param("code", code)
                .param("userId", userId)
                .query((rs, row) -> new Usage(rs.getInt("total"), rs.getInt("mine")))
                .single();
    }

    /**
     * Counts one redemption of the coupon by an order, in the caller's transaction. The coupon's row is locked
     * first, so concurrent checkouts are counted one after the other and no limit can be exceeded. Empty when
     * the redemption was counted; otherwise why not (the coupon is then not redeemed).
     */
    Optional<String> redeem(String code, UUID userId, UUID orderId, Instant now) {
        Optional<Coupon> coupon = jdbc.sql("SELECT code FROM coupons WHERE code = :code FOR UPDATE")
                .param("code", code)
                .query(String.class)
                .optional()
                .flatMap(this::find);
        if (coupon.isEmpty() || !coupon.get().usableAt(now)) {
            return Optional.of("coupon " + code + " is no longer valid");
        }
        Optional<String> refusal = coupon.get().refusal(usage(code, userId));
        if (refusal.isPresent()) {
            return refusal;
        }
        jdbc.sql("INSERT INTO coupon_redemptions (order_id, code, user_id) VALUES (:orderId, :code, :userId)")
                .param("orderId", orderId)
                .param("code", code)
                .param("userId", userId)
                .update();
        return Optional.empty();
    }

    /** Gives back the redemption of a cancelled order; does nothing if it had none. */
    void release(UUID orderId) {
        jdbc.sql("DELETE FROM coupon_redemptions WHERE order_id = :orderId")
                .param("orderId", orderId)
                .update();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The customer's own discount, if one is granted and not expired. */
    Optional<CustomerDiscount> customerDiscount(UUID userId) {
        return jdbc.sql("SELECT percent_off, expires_at FROM customer_discounts WHERE user_id = :userId "
                        + "AND (expires_at IS NULL OR expires_at > now())")
                .param("userId", userId)
                .query((rs, row) -> new CustomerDiscount(
                        rs.getBigDecimal("percent_off"), instant(rs.getObject("expires_at", OffsetDateTime.class))))
                .optional();
    }

    void grantCustomerDiscount(UUID userId, BigDecimal percent, String reason, Instant expiresAt) {
        jdbc.sql(
                        "INSERT INTO customer_discounts (user_id, percent_off, reason, expires_at) VALUES "
                                + "(:userId, :percent, :reason, :expires) ON CONFLICT (user_id) DO UPDATE SET "
                                + "percent_off = EXCLUDED.percent_off, reason = EXCLUDED.reason, expires_at = EXCLUDED.expires_at")
                .param("userId", userId)
                .param("percent", percent)
                .param("reason", reason)
                .param("expires", expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
        pricedCarts.evictAfterCommit(List.of(userId));
    }

    /**
     * A coupon code: a percentage or a fixed amount off, valid from {@code startsAt} (null: at once) until {@code
     * expiresAt} (null: no end), on baskets from {@code minSubtotal}, redeemed at most {@code maxRedemptions}
     * times in all and {@code maxPerCustomer} times by one customer (null: no limit).
     */
    record Coupon(
            String code,
            BigDecimal percentOff,
            BigDecimal amountOff,
            BigDecimal minSubtotal,
            Instant startsAt,
            Instant expiresAt,
            boolean active,
            Integer maxRedemptions,
            Integer maxPerCustomer) {

        boolean usableAt(Instant now) {
            return active
                    && (startsAt == null || !now.isBefore(startsAt))
                    && (expiresAt == null || expiresAt.isAfter(now));
        }

        /** Why one more redemption is refused with this usage, if it is. */
        Optional<String> refusal(Usage usage) {
            if (maxRedemptions != null && usage.total() >= maxRedemptions) {
                return Optional.of("coupon " + code + " has been redeemed the most times allowed");
            }
            if (maxPerCustomer != null && usage.mine() >= maxPerCustomer) {
                return Optional.of("coupon " + code + " can be used " + maxPerCustomer + " time(s) per customer");
            }
            return Optional.empty();
        }
    }

    record Usage(int total, int mine) {}

    /** A percentage off everything a customer buys, until {@code expiresAt} (null: no end). */
    record CustomerDiscount(BigDecimal percentOff, Instant expiresAt) {}
}
