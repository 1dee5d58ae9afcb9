package dev.bazaar.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.payment.Payments;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules {@link PaymentsService} applies before anything is recorded or sent (amounts, keys, currencies), and
 * the meaning of a {@link PaymentRow}'s status. Nothing here reaches the database: every request below is refused
 * before the first transaction, which is why the service can be built without its collaborators.
 */
class PaymentRulesTest {

    private final PaymentsService service = new PaymentsService(null, null, null, null);

    @Test
    void moneyHasTwoDecimalsAndIsNeverRounded() {
        assertThat(PaymentsService.money(new BigDecimal("10"))).isEqualTo(new BigDecimal("10.00"));
        assertThat(PaymentsService.money(new BigDecimal("10.5"))).isEqualTo(new BigDecimal("10.50"));
        assertThat(PaymentsService.money(new BigDecimal("0.01"))).isEqualTo(new BigDecimal("0.01"));
        assertThat(PaymentsService.money(new BigDecimal("99999999.99"))).isEqualTo(new BigDecimal("99999999.99"));
        assertThatThrownBy(() -> PaymentsService.money(new BigDecimal("10.505")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimals")
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void moneyIsBetweenOneCentAndTheLargestAmountAColumnHolds() {
        for (String refused : new String[] {"0", "0.00", "-0.01", "-5", "100000000.00", "99999999.991"}) {
            assertThatThrownBy(() -> PaymentsService.money(new BigDecimal(refused)))
                    .as(refused)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> PaymentsService.money(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0.01 and 99999999.99");
    }

    @Test
    void giftCardCodesAreTrimmedAndUpperCased() {
        assertThat(PaymentsService.giftCardCode("  gift-abc1 \t")).isEqualTo("GIFT-ABC1");
        assertThat(PaymentsService.giftCardCode("istanbul")).isEqualTo("ISTANBUL");
    }

    @Test
    void aChargeNeedsAKeyOfOneToTwoHundredCharacters() {
        for (String key : new String[] {null, "", "   ", "k".repeat(PaymentsService.MAX_KEY_LENGTH + 1)}) {
            assertThatThrownBy(() -> service.charge(charge(key, "10.00", "USD")))
                    .as(String.valueOf(key))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("idempotency key of 1 to 200 characters");
            assertThatThrownBy(() -> service.refund(new Payments.Refund(UUID.randomUUID(), key, BigDecimal.ONE, "r")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aChargeNeedsAThreeLetterUpperCaseCurrency() {
        for (String currency : new String[] {null, "usd", "US", "USDX", "U5D"}) {
            assertThatThrownBy(() -> service.charge(charge("key-1", "10.00", currency)))
                    .as(String.valueOf(currency))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("three-letter ISO currency code");
        }
    }

    @Test
    void aChargeOrRefundOfAnInvalidAmountIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> service.charge(charge("key-1", "0", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        service.refund(new Payments.Refund(UUID.randomUUID(), "key-1", new BigDecimal("1.001"), "r")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredPartsAreNamed() {
        assertThatThrownBy(() -> service.charge(null)).hasMessage("charge");
        assertThatThrownBy(() -> service.charge(new Payments.Charge(
                        null,
                        UUID.randomUUID(),
                        "k",
                        Money.of(BigDecimal.ONE, "USD"),
                        Payments.Method.CARD,
                        "tok_visa",
                        null)))
                .hasMessage("orderId");
        assertThatThrownBy(() -> service.charge(new Payments.Charge(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "k",
                        Money.of(BigDecimal.ONE, "USD"),
                        null,
                        "tok_visa",
                        null)))
                .hasMessage("method");
        assertThatThrownBy(() -> service.refund(null)).hasMessage("refund");
        assertThatThrownBy(() -> service.refund(new Payments.Refund(null, "k", BigDecimal.ONE, "r")))
                .hasMessage("orderId");
        assertThatThrownBy(() -> service.netCharged(null)).hasMessage("orderId");
    }

    @Test
    void onlySucceededAndDeclinedRowsAreSettled() {
        assertThat(PaymentRow.Status.SUCCEEDED.settled()).isTrue();
        assertThat(PaymentRow.Status.DECLINED.settled()).isTrue();
        assertThat(PaymentRow.Status.FAILED.settled()).isFalse();
        assertThat(PaymentRow.Status.UNKNOWN.settled()).isFalse();
        assertThat(row(PaymentRow.Status.SUCCEEDED, null).succeeded()).isTrue();
        assertThat(row(PaymentRow.Status.SUCCEEDED, null).settled()).isTrue();
        assertThat(row(PaymentRow.Status.DECLINED, null).succeeded()).isFalse();
        assertThat(row(PaymentRow.Status.UNKNOWN, null).settled()).isFalse();
    }

    @Test
    void aRowsReferenceIsTheGatewaysOrElseItsOwnId() {
        PaymentRow card = row(PaymentRow.Status.SUCCEEDED, "ch_123");
        PaymentRow giftCard = row(PaymentRow.Status.SUCCEEDED, null);

        assertThat(card.reference()).isEqualTo("ch_123");
        assertThat(giftCard.reference()).isEqualTo(giftCard.id().toString());
    }

    @Test
    void columnsAreTheLowerCaseNamesBothWays() {
        for (PaymentRow.Operation operation : PaymentRow.Operation.values()) {
            assertThat(operation.column()).isEqualTo(operation.name().toLowerCase());
            assertThat(PaymentRow.Operation.ofColumn(operation.column())).isEqualTo(operation);
        }
        for (PaymentRow.Status status : PaymentRow.Status.values()) {
            assertThat(status.column()).isEqualTo(status.name().toLowerCase());
            assertThat(PaymentRow.Status.ofColumn(status.column())).isEqualTo(status);
        }
        assertThat(PaymentRow.methodColumn(Payments.Method.CASH_ON_DELIVERY)).isEqualTo("cash_on_delivery");
        assertThat(PaymentRow.methodOfColumn("gift_card")).isEqualTo(Payments.Method.GIFT_CARD);
    }

    private static Payments.Charge charge(String key, String amount, String currency) {
        return new Payments.Charge(
                UUID.randomUUID(),
                UUID.randomUUID(),
                key,
                Money.of(new BigDecimal(amount), currency),
                Payments.Method.CARD,
                "tok_visa",
                null);
    }

    private static PaymentRow row(PaymentRow.Status status, String gatewayReference) {
        return new PaymentRow(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Payments.Method.CARD,
                PaymentRow.Operation.CAPTURE,
                Money.of(BigDecimal.TEN, "USD"),
                status,
                gatewayReference,
                "key",
                null,
                null,
                null);
    }
}
