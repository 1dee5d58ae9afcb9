package dev.bazaar.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * An amount of money in one currency: what catalog, cart, order and payment pass each other, so that an amount
 * cannot travel without its currency. Amounts have exactly two decimals, like the {@code NUMERIC(10, 2)} columns
 * they are stored in: {@code 10}, {@code 10.5} and {@code 10.50} are all {@code 10.00}, {@code 10.505} is refused
 * rather than rounded (a price or a charge is never silently changed). Only {@link #percent} computes a new
 * fraction of a cent, and it rounds half-even, as the cart's discounts always have.
 *
 * <p>Adding, subtracting, comparing or taking the smaller of two amounts in different currencies is refused with
 * a {@code CONFLICT} {@link DomainException} {@code CURRENCY_MISMATCH}: such a sum has no meaning, and the
 * modules already refuse mixing currencies with that code.
 *
 * <p>In JSON a Money is {@code {"amount": 999.99, "currency": "USD"}}, except in the API bodies and events whose
 * published shape has the amount as a number with a {@code currency} field beside it ({@code "price": 999.99,
 * "currency": "USD"}): those annotate the component with {@link AmountJson}, add a {@code currency} property and
 * read themselves back through a {@code @JsonCreator} taking the two.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("An amount is needed");
        }
        if (currency == null || !ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException(
                    "A three-letter ISO currency code (ISO 4217, upper case) is needed: " + currency);
        }
        try {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("An amount has at most 2 decimals: " + amount.toPlainString(), e);
        }
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** {@code percent} % of this amount (12.5 for 12.5 %), rounded half-even to the cent. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Whether this is at least {@code other}, in the same currency. */
    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    /** Orders amounts of one currency; amounts of two currencies have no order. */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** {@code 999.99 USD}: how messages and logs name an amount. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw DomainException.conflict(
                    "CURRENCY_MISMATCH", "Amounts in " + currency + " and " + other.currency + " cannot be combined");
        }
        return other;
    }

    /** Writes a Money as its bare amount, for a body that carries the currency as a field of its own. */
    public static final class AmountJson extends StdSerializer<Money> {

        public AmountJson() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator json, SerializationContext context) {
            json.writeNumber(value.amount());
        }

        /** Never wrapped with a type: the reader's creator takes a BigDecimal, whose type is obvious. */
        @Override
        public void serializeWithType(
                Money value, JsonGenerator json, SerializationContext context, TypeSerializer types) {
            serialize(value, json, context);
        }
    }
}
