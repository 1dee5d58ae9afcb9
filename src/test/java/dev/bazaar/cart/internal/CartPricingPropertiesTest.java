package dev.bazaar.cart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link CartPricing} over generated carts, customer discounts and coupons: whatever the lines and
 * discounts, totals are never negative, the parts add up to the total, every amount is in cents rounded half-even,
 * the order of the lines changes nothing, and amounts in two currencies are never added up.
 */
class CartPricingPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final CartPricing pricing = new CartPricing(new CartProperties(
            Duration.ofDays(7),
            Duration.ofDays(30),
            Duration.ofHours(24),
            99,
            100,
            new CartProperties.BulkDiscount(5, new BigDecimal("5")),
            new CartProperties.Shipping(new BigDecimal("4.99"), new BigDecimal("50.00"))));

    record Cart(CartRows rows, Map<UUID, ProductCard> products) {}

    @Property(tries = 300)
    void totalsAreNeverNegativeAndThePartsAddUp(
            @ForAll("carts") Cart cart,
            @ForAll("customerPercents") BigDecimal customerPercent,
            @ForAll("coupons") CouponStore.Coupon coupon) {
        PricedCart priced = pricing.price(cart.rows(), cart.products(), customerPercent, coupon, NOW);

        // a cart has amounts exactly when it has a currency (a line for sale)
        assertThat(priced.total() == null).isEqualTo(priced.currency() == null);
        assertThat(amount(priced.total()).signum()).isGreaterThanOrEqualTo(0);
        assertThat(amount(priced.discount())).isLessThanOrEqualTo(amount(priced.subtotal()));
        assertThat(priced.discounts())
                .allSatisfy(d -> assertThat(d.amount().amount().signum()).isGreaterThanOrEqualTo(0));
        assertThat(amount(priced.total()))
                .isEqualByComparingTo(
                        amount(priced.subtotal()).add(amount(priced.shipping())).subtract(amount(priced.discount())));
        assertThat(amount(priced.discount()))
                .isEqualByComparingTo(priced.discounts().stream()
                        .map(d -> d.amount().amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Property(tries = 300)
    void everyAmountIsInCentsAndLinesAreRoundedHalfEven(
            @ForAll("carts") Cart cart,
            @ForAll("customerPercents") BigDecimal customerPercent,
            @ForAll("coupons") CouponStore.Coupon coupon) {
        PricedCart priced = pricing.price(cart.rows(), cart.products(), customerPercent, coupon, NOW);

        List<BigDecimal> amounts = new ArrayList<>(List.of(
                amount(priced.subtotal()),
                amount(priced.discount()),
                amount(priced.shipping()),
                amount(priced.total())));
        priced.discounts().forEach(d -> amounts.add(d.amount().amount()));
        priced.items().forEach(item -> amounts.add(amount(item.subtotal())));
        assertThat(amounts).allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(2));
        for (PricedCart.Item item : priced.items()) {
            if (item.unavailable() || item.currencyMismatch()) {
                continue;
            }
            BigDecimal lineSubtotal = item.price()
                    .amount()
                    .multiply(BigDecimal.valueOf(item.quantity()))
                    .setScale(2, RoundingMode.HALF_EVEN);
            assertThat(amount(item.subtotal())).isEqualByComparingTo(lineSubtotal);
            BigDecimal expectedBulk = item.quantity() >= 5
                    ? lineSubtotal
                            .multiply(new BigDecimal("5"))
                            .divide(BigDecimal.valueOf(100))
                            .setScale(2, RoundingMode.HALF_EVEN)
                    : BigDecimal.ZERO;
            assertThat(amount(item.bulkDiscount())).isEqualByComparingTo(expectedBulk);
        }
    }

    @Property(tries = 200)
    void theOrderOfTheLinesChangesNoAmount(
            @ForAll("singleCurrencyCarts") Cart cart,
            @ForAll("customerPercents") BigDecimal customerPercent,
            @ForAll("coupons") CouponStore.Coupon coupon,
            @ForAll long seed) {
        List<CartRows.Line> shuffled = new ArrayList<>(cart.rows().lines());
        Collections.shuffle(shuffled, new Random(seed));
        CartRows reordered = new CartRows(
                cart.rows().id(),
                cart.rows().userId(),
                cart.rows().couponCode(),
                cart.rows().updatedAt(),
                shuffled);

        PricedCart before = pricing.price(cart.rows(), cart.products(), customerPercent, coupon, NOW);
        PricedCart after = pricing.price(reordered, cart.products(), customerPercent, coupon, NOW);

        assertThat(amount(after.subtotal())).isEqualByComparingTo(amount(before.subtotal()));
        assertThat(amount(after.discount())).isEqualByComparingTo(amount(before.discount()));
        assertThat(amount(after.shipping())).isEqualByComparingTo(amount(before.shipping()));
        assertThat(amount(after.total())).isEqualByComparingTo(amount(before.total()));
        assertThat(after.totalItems()).isEqualTo(before.totalItems());
    }

    @Property(tries = 300)
    void amountsInTwoCurrenciesAreNeverAddedUp(@ForAll("carts") Cart cart) {
        PricedCart priced = pricing.price(cart.rows(), cart.products(), null, null, NOW);

        BigDecimal inCartCurrency = BigDecimal.ZERO;
        for (PricedCart.Item item : priced.items()) {
            if (item.unavailable()) {
                continue;
            }
            String currency = item.product().currency();
            if (currency.equals(priced.currency())) {
                assertThat(item.currencyMismatch()).isFalse();
                inCartCurrency = inCartCurrency.add(amount(item.subtotal()));
            } else {
                assertThat(item.currencyMismatch()).isTrue();
                assertThat(amount(item.subtotal()).signum()).isZero();
            }
        }
        assertThat(amount(priced.subtotal())).isEqualByComparingTo(inCartCurrency);
    }

    /** An amount to compare; a cart without a currency has none, which counts as 0.00. */
    private static BigDecimal amount(Money money) {
        return money == null ? new BigDecimal("0.00") : money.amount();
    }

    @Provide
    Arbitrary<Cart> carts() {
        return carts(Arbitraries.of("USD", "EUR", "JPY"));
    }

    @Provide
    Arbitrary<Cart> singleCurrencyCarts() {
        return carts(Arbitraries.just("USD"));
    }

    @Provide
    Arbitrary<BigDecimal> customerPercents() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("100"))
                .ofScale(2)
                .injectNull(0.5);
    }

    @Provide
    Arbitrary<CouponStore.Coupon> coupons() {
        Arbitrary<BigDecimal> percent = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("100"))
                .ofScale(2);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("500"))
                .ofScale(2);
        Arbitrary<BigDecimal> minimum = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("200"))
                .ofScale(2);
        Arbitrary<CouponStore.Coupon> byPercent = Combinators.combine(percent, minimum, Arbitraries.of(true, false))
                .as((p, min, active) -> new CouponStore.Coupon("P", p, null, min, null, null, active, null, null));
        Arbitrary<CouponStore.Coupon> byAmount = Combinators.combine(amount, minimum, Arbitraries.of(true, false))
                .as((a, min, active) -> new CouponStore.Coupon("A", null, a, min, null, null, active, null, null));
        return Arbitraries.oneOf(byPercent, byAmount).injectNull(0.3);
    }

    private Arbitrary<Cart> carts(Arbitrary<String> currencies) {
        Arbitrary<LineSpec> line = Combinators.combine(
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("99999.99"))
                                .ofScale(2),
                        Arbitraries.integers().between(1, 99),
                        currencies,
                        Arbitraries.integers().between(0, 9))
                .as(LineSpec::new);
        return line.list().ofMaxSize(12).map(CartPricingPropertiesTest::cart);
    }

    /** {@code gone}: 0 means the product is no longer for sale. */
    record LineSpec(BigDecimal price, int quantity, String currency, int gone) {}

    private static Cart cart(List<LineSpec> specs) {
        List<CartRows.Line> lines = new ArrayList<>();
        Map<UUID, ProductCard> products = new HashMap<>();
        OffsetDateTime added = OffsetDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < specs.size(); i++) {
            LineSpec spec = specs.get(i);
            UUID productId = UUID.randomUUID();
            lines.add(new CartRows.Line(
                    UUID.randomUUID(), productId, spec.quantity(), spec.price(), added.plusMinutes(i)));
            if (spec.gone() != 0) {
                products.put(
                        productId,
                        new ProductCard(
                                productId,
                                "Product " + i,
                                null,
                                Money.of(spec.price(), spec.currency()),
                                "c",
                                null,
                                100,
                                BigDecimal.ZERO,
                                0,
                                List.of(),
                                Map.of(),
                                null));
            }
        }
        return new Cart(new CartRows(UUID.randomUUID(), null, null, added, lines), products);
    }
}
