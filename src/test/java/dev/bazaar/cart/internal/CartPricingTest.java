package dev.bazaar.cart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link CartPricing} on hand-made carts at the edges of each rule: the bulk minimum, the coupon's minimum and
 * window, the free-shipping threshold, a fixed amount larger than what remains, and the words the shopper sees.
 * The generated carts of {@link CartPricingPropertiesTest} check the arithmetic in general; these pin the edges.
 */
class CartPricingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final OffsetDateTime ADDED = OffsetDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** Bulk: 10 % off lines of 3 or more; shipping 4.99, free from 50.00. */
    private final CartPricing pricing = new CartPricing(new CartProperties(
            Duration.ofDays(7),
            Duration.ofDays(30),
            Duration.ofHours(24),
            99,
            100,
            new CartProperties.BulkDiscount(3, new BigDecimal("10")),
            new CartProperties.Shipping(new BigDecimal("4.99"), new BigDecimal("50.00"))));

    private final List<CartRows.Line> lines = new ArrayList<>();
    private final Map<UUID, ProductCard> products = new HashMap<>();

    @Test
    void anEmptyCartHasNoCurrencyAndNoAmountsYet() {
        PricedCart priced = price(null, null);

        assertThat(priced.items()).isEmpty();
        assertThat(priced.totalItems()).isZero();
        // no line for sale, no currency: its amounts are none rather than zero in a made-up currency
        assertThat(priced.currency()).isNull();
        assertThat(priced.subtotal()).isNull();
        assertThat(priced.shipping()).isNull();
        assertThat(priced.discount()).isNull();
        assertThat(priced.total()).isNull();
        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.coupon()).isNull();
    }

    @Test
    void bulkStartsExactlyAtTheMinimumQuantity() {
        line("10.00", "10.00", 2, "USD");
        line("10.00", "10.00", 3, "USD");

        PricedCart priced = price(null, null);

        assertThat(priced.items().get(0).bulkDiscount().amount())
                .isEqualByComparingTo("0")
                .hasScaleOf(2);
        assertThat(priced.items().get(1).bulkDiscount().amount()).isEqualByComparingTo("3.00");
        assertThat(priced.items().get(1).subtotal().amount()).isEqualByComparingTo("30.00");
        assertThat(priced.subtotal().amount()).isEqualByComparingTo("50.00");
        assertThat(priced.totalItems()).isEqualTo(5);
        assertThat(priced.discounts())
                .containsExactly(
                        new PricedCart.Discount("bulk", "10% off lines of 3 or more", Money.of("3.00", "USD")));
        assertThat(priced.discount().amount()).isEqualByComparingTo("3.00");
        // 47.00 remains: below the free-shipping threshold
        assertThat(priced.shipping().amount()).isEqualByComparingTo("4.99");
        assertThat(priced.total().amount()).isEqualByComparingTo("51.99");
    }

    @Test
    void shippingIsFreeFromTheThresholdOnAndChargedJustBelowIt() {
        line("50.00", "50.00", 1, "USD");
        assertThat(price(null, null).shipping().amount())
                .isEqualByComparingTo("0")
                .hasScaleOf(2);
        assertThat(price(null, null).total().amount()).isEqualByComparingTo("50.00");

        lines.clear();
        line("49.99", "49.99", 1, "USD");
        assertThat(price(null, null).shipping().amount())
                .isEqualByComparingTo("4.99")
                .hasScaleOf(2);
        assertThat(price(null, null).total().amount()).isEqualByComparingTo("54.98");
    }

    @Test
    void aCustomerDiscountIsAPercentageOfWhatRemainsAfterBulkAndNamesItsRate() {
        line("20.00", "20.00", 3, "USD"); // 60.00, bulk 6.00, 54.00 remains

        PricedCart priced = price(new BigDecimal("12.50"), null);

        assertThat(priced.discounts())
                .containsExactly(
                        new PricedCart.Discount("bulk", "10% off lines of 3 or more", Money.of("6.00", "USD")),
                        new PricedCart.Discount("customer", "12.5% customer discount", Money.of("6.75", "USD")));
        assertThat(priced.discount().amount()).isEqualByComparingTo("12.75");
        // 47.25 remains: shipping is charged again
        assertThat(priced.shipping().amount()).isEqualByComparingTo("4.99");
        assertThat(priced.total().amount()).isEqualByComparingTo("52.24");
    }

    @Test
    void aCustomerDiscountOnNothingLeftIsNotShown() {
        line("0.00", "0.00", 1, "USD");

        PricedCart priced = price(new BigDecimal("10"), null);

        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.total().amount()).isEqualByComparingTo("4.99");
    }

    @Test
    void aPercentCouponAppliesFromItsMinimumOnWhatRemains() {
        line("40.00", "40.00", 1, "USD");
        CouponStore.Coupon coupon = coupon("SAVE", new BigDecimal("25"), null, new BigDecimal("40.00"));

        PricedCart priced = price(null, coupon);

        assertThat(priced.discounts())
                .containsExactly(new PricedCart.Discount("coupon", "Coupon SAVE", Money.of("10.00", "USD")));
        assertThat(priced.coupon()).isEqualTo(new PricedCart.CouponState("SAVE", true, null));
        assertThat(priced.total().amount()).isEqualByComparingTo("34.99");
    }

    @Test
    void aCouponBelowItsMinimumStaysOnTheCartUnappliedAndSaysFromWhere() {
        line("39.99", "39.99", 1, "USD");
        CouponStore.Coupon coupon = coupon("SAVE", new BigDecimal("25"), null, new BigDecimal("40.00"));

        PricedCart priced = price(null, coupon);

        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.coupon())
                .isEqualTo(new PricedCart.CouponState("SAVE", false, "applies from a subtotal of 40.00"));
        assertThat(priced.total().amount()).isEqualByComparingTo("44.98");
    }

    @Test
    void anExpiredCouponIsNotAppliedAndSaysSo() {
        line("80.00", "80.00", 1, "USD");
        CouponStore.Coupon expired =
                new CouponStore.Coupon("OLD", new BigDecimal("10"), null, BigDecimal.ZERO, null, NOW, true, null, null);

        PricedCart priced = price(null, expired);

        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.coupon()).isEqualTo(new PricedCart.CouponState("OLD", false, "expired or withdrawn"));
        assertThat(priced.total().amount()).isEqualByComparingTo("80.00");
    }

    @Test
    void aFixedAmountCouponNeverTakesMoreThanWhatRemains() {
        line("15.00", "15.00", 1, "USD");

        PricedCart whole = price(null, coupon("TEN", null, new BigDecimal("10.00"), BigDecimal.ZERO));
        assertThat(whole.discount().amount()).isEqualByComparingTo("10.00");
        assertThat(whole.total().amount()).isEqualByComparingTo("9.99");

        PricedCart capped = price(null, coupon("BIG", null, new BigDecimal("100.00"), BigDecimal.ZERO));
        assertThat(capped.discounts())
                .containsExactly(new PricedCart.Discount("coupon", "Coupon BIG", Money.of("15.00", "USD")));
        assertThat(capped.total().amount()).isEqualByComparingTo("4.99");
        assertThat(capped.coupon().applied()).isTrue();
    }

    @Test
    void aCouponOnACartWithNothingLeftToDiscountIsNotApplied() {
        line("0.00", "0.00", 1, "USD");

        PricedCart priced = price(null, coupon("FREE", null, new BigDecimal("5.00"), BigDecimal.ZERO));

        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.coupon()).isEqualTo(new PricedCart.CouponState("FREE", false, null));
    }

    @Test
    void theCouponsMinimumIsCheckedAgainstTheSubtotalBeforeDiscounts() {
        line("20.00", "20.00", 3, "USD"); // subtotal 60.00, 54.00 after bulk
        CouponStore.Coupon coupon = coupon("SIXTY", null, new BigDecimal("5.00"), new BigDecimal("60.00"));

        PricedCart priced = price(null, coupon);

        assertThat(priced.coupon().applied()).isTrue();
        assertThat(priced.discount().amount()).isEqualByComparingTo("11.00");
    }

    @Test
    void aRepricedLineIsFlaggedWithItsPreviousPriceAndAnUnchangedOneIsNot() {
        line("10.00", "12.00", 1, "USD");
        line("5.00", "5.00", 1, "USD");

        PricedCart priced = price(null, null);

        PricedCart.Item raised = priced.items().get(0);
        assertThat(raised.priceChanged()).isTrue();
        assertThat(raised.previousPrice().amount()).isEqualByComparingTo("10.00");
        assertThat(raised.price().amount()).isEqualByComparingTo("12.00");
        assertThat(raised.available()).isEqualTo(7);
        assertThat(raised.product().title()).isEqualTo("Product 0");
        assertThat(raised.product().currency()).isEqualTo("USD");
        assertThat(raised.unavailable()).isFalse();
        assertThat(raised.currencyMismatch()).isFalse();
        PricedCart.Item same = priced.items().get(1);
        assertThat(same.priceChanged()).isFalse();
        assertThat(same.previousPrice()).isNull();
        assertThat(priced.subtotal().amount()).isEqualByComparingTo("17.00");
    }

    @Test
    void aLineWhoseProductIsGoneIsShownUnavailableAndNotCharged() {
        UUID gone = UUID.randomUUID();
        lines.add(new CartRows.Line(UUID.randomUUID(), gone, 2, new BigDecimal("9.00"), ADDED));
        line("5.00", "5.00", 1, "EUR");

        PricedCart priced = price(null, null);

        PricedCart.Item item = priced.items().get(0);
        assertThat(item.unavailable()).isTrue();
        assertThat(item.product().id()).isEqualTo(gone);
        assertThat(item.quantity()).isEqualTo(2);
        assertThat(item.price()).isNull();
        assertThat(item.subtotal()).isNull();
        assertThat(item.available()).isZero();
        // the cart's currency is its first available line's
        assertThat(priced.currency()).isEqualTo("EUR");
        assertThat(priced.totalItems()).isEqualTo(1);
        assertThat(priced.subtotal()).isEqualTo(Money.of("5.00", "EUR"));
    }

    @Test
    void aLineInAnotherCurrencyIsFlaggedAndLeftOutOfEveryAmount() {
        line("10.00", "10.00", 4, "USD");
        line("10.00", "10.00", 4, "EUR");

        PricedCart priced = price(null, null);

        assertThat(priced.currency()).isEqualTo("USD");
        PricedCart.Item other = priced.items().get(1);
        assertThat(other.currencyMismatch()).isTrue();
        // in the line's own currency, never added to the cart's
        assertThat(other.subtotal()).isEqualTo(Money.zero("EUR"));
        assertThat(other.bulkDiscount().amount()).isEqualByComparingTo("0").hasScaleOf(2);
        assertThat(priced.totalItems()).isEqualTo(4);
        assertThat(priced.subtotal().amount()).isEqualByComparingTo("40.00");
        assertThat(priced.discount().amount()).isEqualByComparingTo("4.00");
    }

    private PricedCart price(BigDecimal customerPercent, CouponStore.Coupon coupon) {
        return pricing.price(
                new CartRows(UUID.randomUUID(), null, null, ADDED, lines), products, customerPercent, coupon, NOW);
    }

    private void line(String priceWhenAdded, String price, int quantity, String currency) {
        UUID productId = UUID.randomUUID();
        lines.add(new CartRows.Line(UUID.randomUUID(), productId, quantity, new BigDecimal(priceWhenAdded), ADDED));
        products.put(
                productId,
                new ProductCard(
                        productId,
                        "Product " + products.size(),
                        null,
                        Money.of(price, currency),
                        "c",
                        null,
                        7,
                        BigDecimal.ZERO,
                        0,
                        List.of(),
                        Map.of(),
                        null));
    }

    private static CouponStore.Coupon coupon(String code, BigDecimal percent, BigDecimal amount, BigDecimal minimum) {
        return new CouponStore.Coupon(code, percent, amount, minimum, null, null, true, null, null);
    }
}
