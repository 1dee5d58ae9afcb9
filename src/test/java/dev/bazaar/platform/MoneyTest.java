package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsHaveTwoDecimalsAndMoreAreRefusedNotRounded() {
        assertThat(Money.of("10", "USD").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("10.5", "USD").amount()).isEqualTo(new BigDecimal("10.50"));
        assertThat(Money.of("10.500", "USD").amount()).isEqualTo(new BigDecimal("10.50"));
        assertThat(Money.of("10.50", "EUR")).isEqualTo(Money.of("10.5", "EUR"));
        assertThatThrownBy(() -> Money.of("10.505", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 decimals");
    }

    @Test
    void aCurrencyIsAThreeLetterUpperCaseCode() {
        assertThatThrownBy(() -> Money.of("1", "usd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "US")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of((BigDecimal) null, "USD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticStaysInCents() {
        Money price = Money.of("19.99", "USD");
        assertThat(price.times(3)).isEqualTo(Money.of("59.97", "USD"));
        assertThat(price.plus(Money.of("0.01", "USD"))).isEqualTo(Money.of("20.00", "USD"));
        assertThat(price.minus(Money.of("20", "USD"))).isEqualTo(Money.of("-0.01", "USD"));
        assertThat(price.minus(Money.of("20", "USD")).isNegative()).isTrue();
        assertThat(Money.zero("EUR").isZero()).isTrue();
        assertThat(price.min(Money.of("5", "USD"))).isEqualTo(Money.of("5.00", "USD"));
        assertThat(price.isAtLeast(Money.of("19.99", "USD"))).isTrue();
        assertThat(price.toString()).isEqualTo("19.99 USD");
    }

    @Test
    void percentagesRoundHalfEvenToTheCent() {
        // 10 % of 0.25 is 0.025: half-even keeps the even cent, 0.02; half-up would give 0.03
        assertThat(Money.of("0.25", "USD").percent(BigDecimal.TEN)).isEqualTo(Money.of("0.02", "USD"));
        assertThat(Money.of("0.35", "USD").percent(BigDecimal.TEN)).isEqualTo(Money.of("0.04", "USD"));
        assertThat(Money.of("99.99", "USD").percent(new BigDecimal("12.5"))).isEqualTo(Money.of("12.50", "USD"));
    }

    @Test
    void twoCurrenciesAreNeverCombined() {
        Money dollars = Money.of("1", "USD");
        Money euros = Money.of("1", "EUR");
        for (Runnable mix : new Runnable[] {
            () -> dollars.plus(euros),
            () -> dollars.minus(euros),
            () -> dollars.min(euros),
            () -> dollars.compareTo(euros)
        }) {
            assertThatThrownBy(mix::run).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                assertThat(e.code()).isEqualTo("CURRENCY_MISMATCH");
            });
        }
    }

    @Property
    void aDiscountAndWhatRemainsAddUpToTheAmount(
            @ForAll @BigRange(min = "0", max = "99999999.99") @Scale(2) BigDecimal amount,
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal percent,
            @ForAll @IntRange(min = 0, max = 999) int quantity) {
        Money line = Money.of(amount, "USD").times(quantity);
        Money off = line.percent(percent);
        assertThat(off.isNegative()).isFalse();
        assertThat(off.compareTo(line)).isLessThanOrEqualTo(0);
        assertThat(line.minus(off).plus(off)).isEqualTo(line);
        assertThat(line.amount().scale()).isEqualTo(2);
    }
}
