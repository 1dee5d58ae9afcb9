package dev.bazaar.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments.Charge;
import dev.bazaar.payment.Payments.ChargeOutcome;
import dev.bazaar.payment.Payments.Method;
import dev.bazaar.payment.Payments.Refund;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The edges of {@link Payments} that {@code PaymentsTest} leaves out: every part of a charge that makes a key's
 * reuse a different payment, a card charge without a token, each reason a gift card is declined, refunds of an
 * order paid in several charges, and the refund's own key. Real database, real test gateway.
 */
class PaymentEdgesTest extends IntegrationTest {

    @Autowired
    Payments payments;

    @Autowired
    GiftCardAdministration giftCards;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyReusedWithAnotherMethodOrCurrencyIsRefused() {
        UUID order = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String key = key();
        payments.charge(
                new Charge(order, user, key, Money.of(new BigDecimal("10.00"), "USD"), Method.CARD, "tok_visa", null));

        for (Charge other : List.of(
                new Charge(order, user, key, Money.of(new BigDecimal("10.00"), "EUR"), Method.CARD, "tok_visa", null),
                new Charge(
                        order,
                        user,
                        key,
                        Money.of(new BigDecimal("10.00"), "USD"),
                        Method.CASH_ON_DELIVERY,
                        null,
                        null),
                new Charge(
                        order, user, key, Money.of(new BigDecimal("10.00"), "USD"), Method.GIFT_CARD, null, "GC-1"))) {
            DomainException reused = catchThrowableOfType(DomainException.class, () -> payments.charge(other));
            assertThat(reused).as(other.toString()).isNotNull();
            assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }
        // the same charge written as 10 rather than 10.00 is the same charge
        ChargeOutcome same = payments.charge(
                new Charge(order, user, key, Money.of(new BigDecimal("10"), "USD"), Method.CARD, "tok_visa", null));
        assertThat(same.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);
        assertThat(payments.netCharged(order)).isEqualByComparingTo("10.00");
    }

    @Test
    void aCardChargeNeedsACardToken() {
        for (String token : new String[] {null, "", "  "}) {
            UUID order = UUID.randomUUID();
            assertThatThrownBy(() -> payments.charge(new Charge(
                            order,
                            UUID.randomUUID(),
                            key(),
                            Money.of(BigDecimal.ONE, "USD"),
                            Method.CARD,
                            token,
                            null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("card token");
            assertThat(rows(order)).isZero();
        }
    }

    @Test
    void aGiftCardIsDeclinedForItsCurrencyOrWhenWithdrawnAndAnInactiveOneSaysNoMoreThanAnUnknownOne() {
        String euros = code();
        giftCards.save(euros, Money.of(new BigDecimal("50.00"), "EUR"), true);
        String withdrawn = code();
        giftCards.save(withdrawn, Money.of(new BigDecimal("50.00"), "USD"), false);

        assertThat(giftCardCharge(euros, "5.00").declineReason()).isEqualTo("gift_card_currency");
        assertThat(giftCardCharge(withdrawn, "5.00").declineReason()).isEqualTo("gift_card_unknown");
        assertThat(giftCards.find(euros).orElseThrow().balance()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(giftCards.find(withdrawn).orElseThrow().balance()).isEqualTo(Money.of("50.00", "USD"));

        // exactly the balance is spent; a cent more is not
        String exact = code();
        giftCards.save(exact, Money.of(new BigDecimal("5.00"), "USD"), true);
        assertThat(giftCardCharge(exact, "5.01").declineReason()).isEqualTo("gift_card_balance");
        ChargeOutcome spent = giftCardCharge(" " + exact.toLowerCase() + " ", "5.00");
        assertThat(spent.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);
        assertThat(spent.reference()).isNotBlank();
        assertThat(giftCards.find(exact).orElseThrow().balance()).isEqualTo(Money.zero("USD"));
    }

    @Test
    void aRefundComesOutOfTheNewestChargeThatCanTakeItWhole() {
        UUID order = UUID.randomUUID();
        payments.charge(card(order, "30.00"));
        payments.charge(card(order, "20.00"));
        assertThat(payments.netCharged(order)).isEqualByComparingTo("50.00");

        // 25 fits only in the 30.00 charge
        payments.refund(new Refund(order, key(), new BigDecimal("25.00"), "first"));
        assertThat(payments.netCharged(order)).isEqualByComparingTo("25.00");
        assertThat(refundParents(order)).containsExactly("30.00");
        // 20 fits in the 20.00 charge, the newer one
        payments.refund(new Refund(order, key(), new BigDecimal("20.00"), "second"));
        assertThat(refundParents(order)).containsExactly("30.00", "20.00");
        assertThat(payments.netCharged(order)).isEqualByComparingTo("5.00");
        // 5.00 is left, in the first charge: it can be refunded exactly
        payments.refund(new Refund(order, key(), new BigDecimal("5.00"), "rest"));
        assertThat(payments.netCharged(order)).isEqualByComparingTo("0.00");
        assertThat(payments.netCharged(order)).hasScaleOf(2);
    }

    @Test
    void aRefundLargerThanEveryChargeButWithinTheirSumIsRefusedAsSplit() {
        UUID order = UUID.randomUUID();
        payments.charge(card(order, "30.00"));
        payments.charge(card(order, "20.00"));

        DomainException split = catchThrowableOfType(
                DomainException.class, () -> payments.refund(new Refund(order, key(), new BigDecimal("40.00"), "x")));

        assertThat(split.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        assertThat(split.getMessage()).contains("several charges");
        DomainException over = catchThrowableOfType(
                DomainException.class, () -> payments.refund(new Refund(order, key(), new BigDecimal("50.01"), "x")));
        assertThat(over.getMessage()).isEqualTo("A refund of 50.01 exceeds the 50.00 captured and not yet refunded");
        DomainException none = catchThrowableOfType(
                DomainException.class,
                () -> payments.refund(new Refund(UUID.randomUUID(), key(), new BigDecimal("1.00"), "x")));
        assertThat(none.getMessage()).isEqualTo("A refund of 1.00 exceeds the 0.00 captured and not yet refunded");
        assertThat(payments.netCharged(order)).isEqualByComparingTo("50.00");
    }

    @Test
    void aRefundsKeyNamesOneRefund() {
        UUID order = UUID.randomUUID();
        payments.charge(card(order, "30.00"));
        String key = key();
        Payments.RefundOutcome first = payments.refund(new Refund(order, key, new BigDecimal("10.00"), "x"));

        DomainException otherAmount = catchThrowableOfType(
                DomainException.class, () -> payments.refund(new Refund(order, key, new BigDecimal("11.00"), "x")));
        assertThat(otherAmount.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        DomainException otherOrder = catchThrowableOfType(
                DomainException.class,
                () -> payments.refund(new Refund(UUID.randomUUID(), key, new BigDecimal("10.00"), "x")));
        assertThat(otherOrder.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(payments.refund(new Refund(order, key, new BigDecimal("10"), "x")))
                .isEqualTo(first);
        assertThat(first.refunded()).isEqualByComparingTo("10.00");
        assertThat(payments.netCharged(order)).isEqualByComparingTo("20.00");
    }

    @Test
    void aGiftCardChargeSentAgainWithItsKeyDebitsTheCardOnce() {
        String code = code();
        giftCards.save(code, Money.of(new BigDecimal("50.00"), "USD"), true);
        UUID order = UUID.randomUUID();
        Charge charge = new Charge(
                order,
                UUID.randomUUID(),
                key(),
                Money.of(new BigDecimal("20.00"), "USD"),
                Method.GIFT_CARD,
                null,
                code);

        ChargeOutcome first = payments.charge(charge);
        ChargeOutcome again = payments.charge(charge);

        assertThat(first.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);
        assertThat(again.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);
        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(giftCards.find(code).orElseThrow().balance()).isEqualTo(Money.of("30.00", "USD"));
        assertThat(payments.netCharged(order)).isEqualByComparingTo("20.00");
    }

    @Test
    void aKeyOfTwoHundredCharactersIsTheLongestAccepted() {
        String longest = (key() + "-").repeat(10).substring(0, 200);
        UUID order = UUID.randomUUID();
        ChargeOutcome accepted = payments.charge(new Charge(
                order, UUID.randomUUID(), longest, Money.of(BigDecimal.TEN, "USD"), Method.CARD, "tok_visa", null));
        assertThat(accepted.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);

        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> payments.charge(new Charge(
                        other,
                        UUID.randomUUID(),
                        longest + "x",
                        Money.of(BigDecimal.TEN, "USD"),
                        Method.CARD,
                        "tok_visa",
                        null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200");
        assertThat(rows(other)).isZero();
    }

    private ChargeOutcome giftCardCharge(String code, String amount) {
        return payments.charge(new Charge(
                UUID.randomUUID(),
                UUID.randomUUID(),
                key(),
                Money.of(new BigDecimal(amount), "USD"),
                Method.GIFT_CARD,
                null,
                code));
    }

    private static Charge card(UUID order, String amount) {
        return new Charge(
                order,
                UUID.randomUUID(),
                key(),
                Money.of(new BigDecimal(amount), "USD"),
                Method.CARD,
                "tok_visa",
                null);
    }

    private long rows(UUID order) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :order")
                .param("order", order)
                .query(Long.class)
                .single();
    }

    /** For each succeeded refund of the order, oldest first, the amount of the charge it came out of. */
    private List<String> refundParents(UUID order) {
        return jdbc
                .sql("SELECT c.amount FROM payments r JOIN payments c ON c.id = r.parent_id WHERE r.order_id = :order "
                        + "AND r.operation = 'refund' AND r.status = 'succeeded' ORDER BY r.created_at")
                .param("order", order)
                .query(BigDecimal.class)
                .list()
                .stream()
                .map(BigDecimal::toPlainString)
                .toList();
    }

    private static String code() {
        return "GC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String key() {
        return "edge-" + UUID.randomUUID();
    }
}
