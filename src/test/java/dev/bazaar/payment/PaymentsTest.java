package dev.bazaar.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments.Charge;
import dev.bazaar.payment.Payments.ChargeOutcome;
import dev.bazaar.payment.Payments.Method;
import dev.bazaar.payment.Payments.Refund;
import dev.bazaar.payment.Payments.RefundOutcome;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Charges and refunds through the {@link Payments} bean as the order module will call it, on the real database
 * and the test card gateway; gift cards administered over HTTP.
 */
class PaymentsTest extends IntegrationTest {

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCardChargeAuthorizesThenCaptures() {
        UUID order = UUID.randomUUID();
        String key = key();
        ChargeOutcome outcome = payments.charge(card(order, key, "49.99", "tok_visa"));

        assertThat(outcome.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);
        assertThat(outcome.reference()).startsWith("ch_");
        assertThat(outcome.declineReason()).isNull();
        assertThat(rows(order))
                .containsExactly(
                        "card authorize 49.99 succeeded " + key + ":authorize",
                        "card capture 49.99 succeeded " + key + ":capture");
        assertThat(gatewayOperations(key)).containsExactly("authorize approved", "capture approved");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("49.99"));
    }

    @Test
    void declinedCardsTakeNothing() {
        for (var token : Map.of(
                        "tok_declined", "card_declined",
                        "tok_insufficient_funds", "insufficient_funds",
                        "tok_unheard_of", "invalid_card")
                .entrySet()) {
            UUID order = UUID.randomUUID();
            String key = key();
            ChargeOutcome outcome = payments.charge(card(order, key, "20.00", token.getKey()));

            assertThat(outcome.status()).isEqualTo(ChargeOutcome.Status.DECLINED);
            assertThat(outcome.declineReason()).isEqualTo(token.getValue());
            assertThat(outcome.reference()).isNull();
            assertThat(rows(order)).containsExactly("card authorize 20.00 declined " + key + ":authorize");
            assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("0.00"));
            // the same key again: the same answer, nothing sent for a capture
            assertThat(payments.charge(card(order, key, "20.00", token.getKey())))
                    .isEqualTo(outcome);
            assertThat(gatewayOperations(key)).containsExactly("authorize declined");
        }
    }

    @Test
    void theSameKeyChargesOnce() throws Exception {
        UUID order = UUID.randomUUID();
        String key = key();
        ChargeOutcome first = payments.charge(card(order, key, "15.00", "tok_visa"));
        ChargeOutcome again = payments.charge(card(order, key, "15.00", "tok_visa"));
        assertThat(again).isEqualTo(first);

        // and when the repeats come at once
        UUID concurrentOrder = UUID.randomUUID();
        String concurrentKey = key();
        List<ChargeOutcome> outcomes =
                all(8, () -> payments.charge(card(concurrentOrder, concurrentKey, "15.00", "tok_visa")));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isEqualTo(outcomes.getFirst()));
        assertThat(outcomes.getFirst().status()).isEqualTo(ChargeOutcome.Status.CAPTURED);

        for (UUID charged : List.of(order, concurrentOrder)) {
            assertThat(rows(charged))
                    .filteredOn(row -> row.contains(" capture "))
                    .hasSize(1);
            assertThat(payments.netCharged(charged)).isEqualTo(new BigDecimal("15.00"));
        }
        assertThat(gatewayOperations(concurrentKey)).containsExactly("authorize approved", "capture approved");
    }

    @Test
    void aKeyIsNotReusedForAnotherPayment() {
        UUID order = UUID.randomUUID();
        String key = key();
        payments.charge(card(order, key, "10.00", "tok_visa"));

        DomainException otherAmount = catchThrowableOfType(
                DomainException.class, () -> payments.charge(card(order, key, "11.00", "tok_visa")));
        assertThat(otherAmount.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        DomainException otherOrder = catchThrowableOfType(
                DomainException.class, () -> payments.charge(card(UUID.randomUUID(), key, "10.00", "tok_visa")));
        assertThat(otherOrder.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void cardRefundsArePartialOrFullAndNeverExceedTheCapture() {
        UUID order = UUID.randomUUID();
        payments.charge(card(order, key(), "100.00", "tok_visa"));

        String refundKey = key();
        RefundOutcome partial = payments.refund(new Refund(order, refundKey, new BigDecimal("30.25"), "damaged"));
        assertThat(partial.refunded()).isEqualTo(new BigDecimal("30.25"));
        assertThat(partial.reference()).startsWith("re_");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("69.75"));

        // the same refund again: the same outcome, nothing returned twice
        assertThat(payments.refund(new Refund(order, refundKey, new BigDecimal("30.25"), "damaged")))
                .isEqualTo(partial);
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("69.75"));

        DomainException tooMuch = catchThrowableOfType(
                DomainException.class,
                () -> payments.refund(new Refund(order, key(), new BigDecimal("69.76"), "too much")));
        assertThat(tooMuch.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        assertThat(tooMuch.getMessage()).contains("69.75");

        RefundOutcome rest = payments.refund(new Refund(order, key(), new BigDecimal("69.75"), "returned"));
        assertThat(rest.refunded()).isEqualTo(new BigDecimal("69.75"));
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("0.00"));
        assertThat(rows(order)).filteredOn(row -> row.contains(" refund ")).hasSize(2);

        DomainException nothingLeft = catchThrowableOfType(
                DomainException.class,
                () -> payments.refund(new Refund(order, key(), new BigDecimal("0.01"), "once more")));
        assertThat(nothingLeft.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        DomainException neverCharged = catchThrowableOfType(
                DomainException.class,
                () -> payments.refund(new Refund(UUID.randomUUID(), key(), new BigDecimal("1.00"), "no order")));
        assertThat(neverCharged.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
    }

    @Test
    void cashOnDeliveryIsDueAndHasNothingToRefund() {
        UUID order = UUID.randomUUID();
        String key = key();
        Charge charge = new Charge(
                order,
                UUID.randomUUID(),
                key,
                Money.of(new BigDecimal("35.50"), "USD"),
                Method.CASH_ON_DELIVERY,
                null,
                null);
        ChargeOutcome outcome = payments.charge(charge);

        assertThat(outcome.status()).isEqualTo(ChargeOutcome.Status.DUE_ON_DELIVERY);
        assertThat(payments.charge(charge)).isEqualTo(outcome);
        assertThat(rows(order)).containsExactly("cash_on_delivery due 35.50 succeeded " + key + ":due");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("0.00"));
        RefundOutcome refund = payments.refund(new Refund(order, key(), new BigDecimal("35.50"), "cancelled"));
        assertThat(refund.refunded()).isEqualTo(new BigDecimal("0.00"));
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void giftCardsAreDebitedExactlyAndCreditedOnRefund() {
        String code = giftCard("100.00");
        UUID order = UUID.randomUUID();
        ChargeOutcome paid = payments.charge(giftCardCharge(order, key(), "40.10", code.toLowerCase()));
        assertThat(paid.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);
        assertThat(balance(code)).isEqualTo("59.90");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("40.10"));

        // more than is left: declined, balance untouched
        UUID second = UUID.randomUUID();
        ChargeOutcome declined = payments.charge(giftCardCharge(second, key(), "59.91", code));
        assertThat(declined.status()).isEqualTo(ChargeOutcome.Status.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("gift_card_balance");
        assertThat(balance(code)).isEqualTo("59.90");
        assertThat(payments.netCharged(second)).isEqualTo(new BigDecimal("0.00"));

        assertThat(payments.charge(giftCardCharge(UUID.randomUUID(), key(), "1.00", "NO-SUCH-CARD"))
                        .declineReason())
                .isEqualTo("gift_card_unknown");

        // refunds put the money back on the card
        String refundKey = key();
        RefundOutcome refund = payments.refund(new Refund(order, refundKey, new BigDecimal("15.00"), "partial"));
        assertThat(refund.refunded()).isEqualTo(new BigDecimal("15.00"));
        assertThat(payments.refund(new Refund(order, refundKey, new BigDecimal("15.00"), "partial")))
                .isEqualTo(refund);
        assertThat(balance(code)).isEqualTo("74.90");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("25.10"));
        DomainException tooMuch = catchThrowableOfType(
                DomainException.class, () -> payments.refund(new Refund(order, key(), new BigDecimal("25.11"), "no")));
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        payments.refund(new Refund(order, key(), new BigDecimal("25.10"), "rest"));
        assertThat(balance(code)).isEqualTo("100.00");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("0.00"));
        assertThat(rows(order)).filteredOn(row -> row.contains(" credit ")).hasSize(2);
    }

    @Test
    void concurrentDebitsNeverOverdrawAGiftCard() throws Exception {
        String code = giftCard("100.00");
        List<ChargeOutcome> outcomes =
                all(20, () -> payments.charge(giftCardCharge(UUID.randomUUID(), key(), "10.00", code)));

        assertThat(outcomes)
                .filteredOn(outcome -> outcome.status() == ChargeOutcome.Status.CAPTURED)
                .hasSize(10);
        assertThat(outcomes)
                .filteredOn(outcome -> outcome.status() == ChargeOutcome.Status.DECLINED)
                .allSatisfy(outcome -> assertThat(outcome.declineReason()).isEqualTo("gift_card_balance"))
                .hasSize(10);
        assertThat(balance(code)).isEqualTo("0.00");
    }

    @Test
    void giftCardsAreIssuedAndReadByAdminsOnly() {
        String admin = signInAsAdmin().accessToken();
        String code = "gift-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response issued = api.put(
                "/api/v1/admin/gift-cards/" + code,
                Map.of("balance", new BigDecimal("25.5"), "currency", "USD"),
                admin);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.data().path("code").asString()).isEqualTo(code.toUpperCase());
        assertThat(issued.body()).contains("\"balance\":25.50");
        assertThat(issued.data().path("active").asBoolean()).isTrue();

        Api.Response read = api.get("/api/v1/admin/gift-cards/" + code, admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().path("currency").asString()).isEqualTo("USD");
        assertThat(api.get("/api/v1/admin/gift-cards/NO-SUCH-CARD", admin).status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/admin/gift-cards/" + code,
                                Map.of("balance", new BigDecimal("-1"), "currency", "USD"),
                                admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/v1/admin/gift-cards/" + code,
                                Map.of("balance", new BigDecimal("1.001"), "currency", "USD"),
                                admin)
                        .status())
                .isEqualTo(400);

        String customer = registerCustomer().accessToken();
        Api.Response forbidden = api.put(
                "/api/v1/admin/gift-cards/" + code,
                Map.of("balance", new BigDecimal("1000"), "currency", "USD"),
                customer);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/gift-cards/" + code, customer).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/gift-cards/" + code, null).status()).isEqualTo(401);
        assertThat(balance(code.toUpperCase())).isEqualTo("25.50");
    }

    private String giftCard(String balance) {
        String code = "GC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response issued = api.put(
                "/api/v1/admin/gift-cards/" + code,
                Map.of("balance", new BigDecimal(balance), "currency", "USD"),
                signInAsAdmin().accessToken());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return code;
    }

    private String balance(String code) {
        return jdbc.sql("SELECT balance FROM gift_cards WHERE code = :code")
                .param("code", code)
                .query(BigDecimal.class)
                .single()
                .toPlainString();
    }

    /** The order's payment rows: "method operation amount status key", oldest first. */
    private List<String> rows(UUID order) {
        return jdbc.sql("SELECT method || ' ' || operation || ' ' || amount || ' ' || status || ' ' || idempotency_key "
                        + "FROM payments WHERE order_id = :order ORDER BY created_at, operation")
                .param("order", order)
                .query(String.class)
                .list();
    }

    /** What the test gateway recorded for the charge's derived keys. */
    private List<String> gatewayOperations(String key) {
        return jdbc.sql("SELECT operation || ' ' || CASE WHEN approved THEN 'approved' ELSE 'declined' END "
                        + "FROM test_gateway_operations WHERE idempotency_key LIKE :prefix ORDER BY created_at")
                .param("prefix", key + ":%")
                .query(String.class)
                .list();
    }

    private static Charge card(UUID order, String key, String amount, String token) {
        return new Charge(
                order, UUID.randomUUID(), key, Money.of(new BigDecimal(amount), "USD"), Method.CARD, token, null);
    }

    private static Charge giftCardCharge(UUID order, String key, String amount, String code) {
        return new Charge(
                order, UUID.randomUUID(), key, Money.of(new BigDecimal(amount), "USD"), Method.GIFT_CARD, null, code);
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    private static <T> List<T> all(int count, Callable<T> task) throws Exception {
        try (ExecutorService executor = Executors.newFixedThreadPool(count)) {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                tasks.add(task);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : executor.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        }
    }
}
