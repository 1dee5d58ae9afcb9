package dev.bazaar.cart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A coupon's window ({@link CouponStore.Coupon#usableAt}) and redemption limits ({@link CouponStore.Coupon#refusal}). */
class CouponRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aCouponIsUsableFromItsStartInclusiveUntilItsEndExclusive() {
        CouponStore.Coupon windowed = coupon(true, NOW, NOW.plusSeconds(60), null, null);

        assertThat(windowed.usableAt(NOW.minusMillis(1))).isFalse();
        assertThat(windowed.usableAt(NOW)).isTrue();
        assertThat(windowed.usableAt(NOW.plusSeconds(59))).isTrue();
        assertThat(windowed.usableAt(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void aCouponWithoutAWindowIsUsableWhileActiveOnly() {
        assertThat(coupon(true, null, null, null, null).usableAt(NOW)).isTrue();
        assertThat(coupon(false, null, null, null, null).usableAt(NOW)).isFalse();
        assertThat(coupon(false, NOW.minusSeconds(1), NOW.plusSeconds(1), null, null)
                        .usableAt(NOW))
                .isFalse();
    }

    @Test
    void aCouponWithoutLimitsIsNeverRefused() {
        assertThat(coupon(true, null, null, null, null).refusal(new CouponStore.Usage(1_000, 1_000)))
                .isEmpty();
    }

    @Test
    void theLimitInAllIsReachedAtExactlyMaxRedemptions() {
        CouponStore.Coupon limited = coupon(true, null, null, 3, null);

        assertThat(limited.refusal(new CouponStore.Usage(2, 2))).isEmpty();
        assertThat(limited.refusal(new CouponStore.Usage(3, 0)))
                .contains("coupon C has been redeemed the most times allowed");
    }

    @Test
    void theLimitPerCustomerIsReachedAtExactlyMaxPerCustomer() {
        CouponStore.Coupon limited = coupon(true, null, null, null, 2);

        assertThat(limited.refusal(new CouponStore.Usage(50, 1))).isEmpty();
        assertThat(limited.refusal(new CouponStore.Usage(50, 2)))
                .contains("coupon C can be used 2 time(s) per customer");
    }

    @Test
    void theLimitInAllIsToldBeforeThePerCustomerOne() {
        CouponStore.Coupon limited = coupon(true, null, null, 1, 1);

        assertThat(limited.refusal(new CouponStore.Usage(1, 1)))
                .contains("coupon C has been redeemed the most times allowed");
        assertThat(limited.refusal(new CouponStore.Usage(0, 0))).isEmpty();
    }

    private static CouponStore.Coupon coupon(
            boolean active, Instant startsAt, Instant expiresAt, Integer maxRedemptions, Integer maxPerCustomer) {
        return new CouponStore.Coupon(
                "C",
                BigDecimal.TEN,
                null,
                BigDecimal.ZERO,
                startsAt,
                expiresAt,
                active,
                maxRedemptions,
                maxPerCustomer);
    }
}
