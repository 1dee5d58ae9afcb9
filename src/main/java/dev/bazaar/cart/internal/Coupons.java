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

/** The {@code coupons} and {@code customer_discounts} tables. */
@Repository
class Coupons {

    private final JdbcClient jdbc;

    Coupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Coupon> find(String code) {
        return jdbc.sql("SELECT code, percent_off, amount_off, min_subtotal, expires_at, active FROM coupons "
                        + "WHERE code = :code")
                .param("code", code)
                .query((rs, row) -> new Coupon(
                        rs.getString("code"),
                        rs.getBigDecimal("percent_off"),
                        rs.getBigDecimal("amount_off"),
                        rs.getBigDecimal("min_subtotal"),
                        Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null),
                        rs.getBoolean("active")))
                .optional();
    }

    List<Coupon> all() {
        return jdbc.sql("SELECT code FROM coupons ORDER BY created_at DESC").query(String.class).list().stream()
                .map(code -> find(code).orElseThrow())
                .toList();
    }

    void save(Coupon coupon) {
        jdbc.sql(
                        "INSERT INTO coupons (code, percent_off, amount_off, min_subtotal, expires_at, active) "
                                + "VALUES (:code, :percent, :amount, :min, :expires, :active) ON CONFLICT (code) DO UPDATE SET "
                                + "percent_off = EXCLUDED.percent_off, amount_off = EXCLUDED.amount_off, "
                                + "min_subtotal = EXCLUDED.min_subtotal, expires_at = EXCLUDED.expires_at, active = EXCLUDED.active")
                .param("code", coupon.code())
                .param("percent", coupon.percentOff())
                .param("amount", coupon.amountOff())
                .param("min", coupon.minSubtotal())
                .param(
                        "expires",
                        coupon.expiresAt() == null
                                ? null
                                : OffsetDateTime.ofInstant(coupon.expiresAt(), ZoneOffset.UTC))
                .param("active", coupon.active())
                .update();
    }

    /** The customer's own discount percentage, if one is granted and not expired. */
    Optional<BigDecimal> customerDiscount(UUID userId) {
        return jdbc.sql("SELECT percent_off FROM customer_discounts WHERE user_id = :userId "
                        + "AND (expires_at IS NULL OR expires_at > now())")
                .param("userId", userId)
                .query(BigDecimal.class)
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
    }

    /** A coupon code: a percentage or a fixed amount off, valid until {@code expiresAt} (null: no end). */
    record Coupon(
            String code,
            BigDecimal percentOff,
            BigDecimal amountOff,
            BigDecimal minSubtotal,
            Instant expiresAt,
            boolean active) {

        boolean usableAt(Instant now) {
            return active && (expiresAt == null || expiresAt.isAfter(now));
        }
    }
}
