package dev.bazaar.payment.internal;

import dev.bazaar.payment.PaymentUnavailableException;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Payments}: charges and refunds by card (through the {@link PaymentGateway}, guarded by {@link
 * GatewayGuard}), by gift card (a balance in {@code gift_cards}) and cash on delivery (nothing taken), each
 * transaction recorded in {@code payments}.
 *
 * <p>Idempotency: the caller's key names the whole charge or refund; each transaction it makes gets a key
 * derived from it ({@code key + ":authorize"}, {@code ":capture"}, {@code ":debit"}, {@code ":due"}, {@code
 * ":refund"}, {@code ":credit"}), which is both the row's unique key and the key sent to the gateway. A repeated
 * call finds the rows and returns their outcome; where a row is unsettled (the gateway did not answer, or the
 * call was never sent) it sends the same operation with the same key again, so the gateway answers as it did the
 * first time and no money moves twice. A key used again for a different payment is refused.
 *
 * <p>Rows are written in transactions of their own ({@code REQUIRES_NEW}): a record of money taken must survive
 * whatever becomes of the caller's transaction. No transaction is held open while the gateway is called.
 */
@Service
class PaymentsService implements Payments {

    static final int MAX_KEY_LENGTH = 200;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

    private final PaymentStore records;
    private final GiftCardStore giftCards;
    private final GatewayGuard gateway;
    private final TransactionTemplate transactions;

    PaymentsService(
            PaymentStore records, GiftCardStore giftCards, GatewayGuard gateway, PlatformTransactionManager txManager) {
        this.records = records;
        this.giftCards = giftCards;
        this.gateway = gateway;
        this.transactions = new TransactionTemplate(txManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public ChargeOutcome charge(Charge charge) {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(charge.orderId(), "orderId");
        Objects.requireNonNull(charge.method(), "method");
        String key = requireKey(charge.idempotencyKey());
        Money amount = positive(charge.amount());
        List<String> keys = List.of(key + ":authorize", key + ":capture", key + ":debit", key + ":due");
        tx(() -> records.findAll(keys)).forEach(earlier -> requireSameCharge(earlier, charge, amount));
        return switch (charge.method()) {
            case CARD -> chargeCard(charge, key, amount);
            case GIFT_CARD -> chargeGiftCard(charge, key, amount);
            case CASH_ON_DELIVERY -> {
                PaymentRow due = tx(() -> records.reserve(newCharge(
                                charge,
                                amount,
                                PaymentRow.Operation.DUE,
                                PaymentRow.Status.SUCCEEDED,
                                key + ":due",
                                null,
                                null))
                        .row());
                yield new ChargeOutcome(ChargeOutcome.Status.DUE_ON_DELIVERY, due.reference(), null);
            }
        };
    }

    @Override
    public Optional<ChargeOutcome> resumeCharge(String idempotencyKey) {
        String key = requireKey(idempotencyKey);
        java.util.Map<String, PaymentRow> rows = new java.util.HashMap<>();
        tx(() -> records.findAll(List.of(key + ":authorize", key + ":capture", key + ":debit", key + ":due")))
                .forEach(row -> rows.put(row.idempotencyKey(), row));
        PaymentRow due = rows.get(key + ":due");
        if (due != null) {
            return Optional.of(new ChargeOutcome(ChargeOutcome.Status.DUE_ON_DELIVERY, due.reference(), null));
        }
        PaymentRow debit = rows.get(key + ":debit");
        if (debit != null) {
            // a debit row and the debit itself commit together: it is settled, or nothing was taken
            return debit.settled() ? Optional.of(outcomeOf(debit)) : Optional.empty();
        }
        PaymentRow authorization = rows.get(key + ":authorize");
        if (authorization == null || !authorization.settled()) {
            return Optional.empty();
        }
        if (!authorization.succeeded()) {
            return Optional.of(declined(authorization));
        }
        PaymentRow capture = rows.get(key + ":capture");
        if (capture != null && capture.settled()) {
            return Optional.of(outcomeOf(capture));
        }
        PaymentRow captured = sendOnce(
                new PaymentRow.New(
                        authorization.orderId(),
                        authorization.userId(),
                        authorization.method(),
                        PaymentRow.Operation.CAPTURE,
                        authorization.amount(),
                        PaymentRow.Status.UNKNOWN,
                        key + ":capture",
                        authorization.id(),
                        null,
                        null),
                row -> gateway.capture(row.idempotencyKey(), authorization.gatewayReference(), authorization.amount()));
        return Optional.of(outcomeOf(captured));
    }

    private static ChargeOutcome outcomeOf(PaymentRow settled) {
        return settled.succeeded()
                ? new ChargeOutcome(ChargeOutcome.Status.CAPTURED, settled.reference(), null)
                : declined(settled);
    }

    /** Authorize, then capture the authorization; each step is skipped when an earlier call settled it. */
    private ChargeOutcome chargeCard(Charge charge, String key, Money amount) {
        if (charge.cardToken() == null || charge.cardToken().isBlank()) {
            throw new IllegalArgumentException("A card charge needs a card token");
        }
        PaymentRow authorization = sendOnce(
                newCharge(
                        charge,
                        amount,
                        PaymentRow.Operation.AUTHORIZE,
                        PaymentRow.Status.UNKNOWN,
                        key + ":authorize",
                        null,
                        null),
                row -> gateway.authorize(row.idempotencyKey(), charge.cardToken(), amount));
        if (!authorization.succeeded()) {
            return declined(authorization);
        }
        PaymentRow capture = sendOnce(
                newCharge(
                        charge,
                        amount,
                        PaymentRow.Operation.CAPTURE,
                        PaymentRow.Status.UNKNOWN,
                        key + ":capture",
                        authorization.id(),
                        null),
                row -> gateway.capture(row.idempotencyKey(), authorization.gatewayReference(), amount));
        if (!capture.succeeded()) {
            return declined(capture);
        }
        return new ChargeOutcome(ChargeOutcome.Status.CAPTURED, capture.reference(), null);
    }

    /**
     * Records a gateway operation and sends it, unless an earlier call with its key already has the answer. The
     * row is written ({@code unknown}) before the call, so a crash or a timeout leaves a trace that a repeated
     * call resolves by asking the gateway again with the same key.
     */
    private PaymentRow sendOnce(PaymentRow.New row, Function<PaymentRow, PaymentGateway.Result> send) {
        PaymentStore.Reserved reserved = tx(() -> records.reserve(row));
        PaymentRow current = reserved.row();
        if (current.settled()) {
            return current;
        }
        boolean neverSent = reserved.inserted() || current.status() == PaymentRow.Status.FAILED;
        if (current.status() == PaymentRow.Status.FAILED) {
            txRun(() -> records.mark(current.id(), PaymentRow.Status.UNKNOWN));
        }
        return send(current, neverSent, () -> send.apply(current));
    }

    private PaymentRow send(PaymentRow row, boolean neverSent, Supplier<PaymentGateway.Result> call) {
        PaymentGateway.Result result;
        try {
            result = call.get();
        } catch (GatewayUnavailable e) {
            if (!e.sent() && neverSent) {
                txRun(() -> records.mark(row.id(), PaymentRow.Status.FAILED));
            }
            throw new PaymentUnavailableException(e.getMessage(), e);
        }
        return tx(() -> records.settle(
                row.id(),
                result.approved() ? PaymentRow.Status.SUCCEEDED : PaymentRow.Status.DECLINED,
                result.reference(),
                result.declineReason()));
    }

    /** One SQL statement debits the card only if it holds enough; the row and the debit commit together. */
    private ChargeOutcome chargeGiftCard(Charge charge, String key, Money amount) {
        // No code is declined exactly like a code that does not exist: the reason must not tell them apart.
        String code = charge.giftCardCode() == null ? "" : giftCardCode(charge.giftCardCode());
        PaymentRow debit = tx(() -> {
            PaymentStore.Reserved reserved = records.reserve(newCharge(
                    charge,
                    amount,
                    PaymentRow.Operation.DEBIT,
                    PaymentRow.Status.UNKNOWN,
                    key + ":debit",
                    null,
                    code.isEmpty() ? null : code));
            if (!reserved.inserted()) {
                return reserved.row();
            }
            UUID id = reserved.row().id();
            if (!code.isEmpty() && giftCards.debit(code, amount)) {
                return records.settle(id, PaymentRow.Status.SUCCEEDED, null, null);
            }
            String reason = (code.isEmpty() ? Optional.<GiftCardStore.GiftCard>empty() : giftCards.find(code))
                    .filter(GiftCardStore.GiftCard::active)
                    .map(card -> card.balance().currency().equals(amount.currency())
                            ? "gift_card_balance"
                            : "gift_card_currency")
                    .orElse("gift_card_unknown");
            return records.settle(id, PaymentRow.Status.DECLINED, null, reason);
        });
        return debit.succeeded()
                ? new ChargeOutcome(ChargeOutcome.Status.CAPTURED, debit.reference(), null)
                : declined(debit);
    }

    @Override
    public RefundOutcome refund(Refund refund) {
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(refund.orderId(), "orderId");
        String key = requireKey(refund.idempotencyKey());
        BigDecimal amount = money(refund.amount());
        List<String> keys = List.of(key + ":refund", key + ":credit");
        Optional<PaymentRow> earlier = tx(() -> records.findAll(keys)).stream().findFirst();
        earlier.ifPresent(row -> requireSameRefund(row, refund, amount));
        if (earlier.isPresent() && earlier.get().settled()) {
            return refunded(earlier.get());
        }
        RefundPlan plan = tx(() -> planRefund(refund, key, amount));
        if (plan.nothingToRefund()) {
            return new RefundOutcome(BigDecimal.ZERO.setScale(2), null);
        }
        PaymentRow row = plan.row();
        if (!row.settled()) {
            PaymentRow capture = plan.charge();
            row = send(
                    row,
                    plan.neverSent(),
                    () -> gateway.refund(
                            plan.row().idempotencyKey(),
                            capture.gatewayReference(),
                            Money.of(amount, capture.amount().currency())));
        }
        return refunded(row);
    }

    /**
     * Under a lock on the order's charges: checks the refund fits in what was captured and not yet returned, and
     * records it. A gift card credit is done right here; a card refund is recorded {@code unknown}, holding its
     * amount, and sent after the commit.
     */
    private RefundPlan planRefund(Refund refund, String key, BigDecimal amount) {
        List<PaymentRow> charges = records.lockCharges(refund.orderId());
        Optional<PaymentRow> existing = records.findAll(List.of(key + ":refund", key + ":credit")).stream()
                .findFirst();
        if (existing.isPresent()) {
            requireSameRefund(existing.get(), refund, amount);
            if (existing.get().status() != PaymentRow.Status.FAILED) {
                // settled, or sent and unanswered (its amount is held): ask again with the same key
                return new RefundPlan(existing.get(), records.get(existing.get().parentId()), false, false);
            }
        }
        UUID retrying = existing.map(PaymentRow::id).orElse(null);
        if (charges.isEmpty()) {
            if (records.hasDue(refund.orderId())) {
                return new RefundPlan(null, null, false, true);
            }
            throw exceedsCaptured(amount, BigDecimal.ZERO);
        }
        BigDecimal available = BigDecimal.ZERO;
        PaymentRow target = null;
        for (PaymentRow charge : charges) {
            BigDecimal remaining = charge.amount().amount().subtract(records.returned(charge.id(), retrying));
            available = available.add(remaining);
            boolean fits = remaining.compareTo(amount) >= 0;
            boolean sameAsBefore =
                    existing.isEmpty() || charge.id().equals(existing.get().parentId());
            if (fits && sameAsBefore) {
                target = charge; // the newest charge that can take the whole refund
            }
        }
        if (amount.compareTo(available) > 0) {
            throw exceedsCaptured(amount, available);
        }
        if (target == null) {
            throw DomainException.unprocessable(
                    "REFUND_EXCEEDS_CAPTURED",
                    "This order was paid in several charges; a refund returns at most what one of them took");
        }
        if (existing.isPresent()) {
            records.mark(existing.get().id(), PaymentRow.Status.UNKNOWN);
            return new RefundPlan(records.get(existing.get().id()), target, true, false);
        }
        if (target.operation() == PaymentRow.Operation.DEBIT) {
            PaymentStore.Reserved credit = records.reserve(newRefund(
                    refund, target, amount, PaymentRow.Operation.CREDIT, PaymentRow.Status.SUCCEEDED, key + ":credit"));
            if (credit.inserted()) {
                giftCards.credit(
                        target.giftCardCode(), Money.of(amount, target.amount().currency()));
            }
            return new RefundPlan(credit.row(), target, false, false);
        }
        PaymentStore.Reserved reserved = records.reserve(newRefund(
                refund, target, amount, PaymentRow.Operation.REFUND, PaymentRow.Status.UNKNOWN, key + ":refund"));
        return new RefundPlan(reserved.row(), target, reserved.inserted(), false);
    }

    /** What to do after the lock: nothing, or send {@code row} (a refund of {@code charge}) unless settled. */
    private record RefundPlan(PaymentRow row, PaymentRow charge, boolean neverSent, boolean nothingToRefund) {}

    @Override
    public BigDecimal netCharged(UUID orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return tx(() -> records.netCharged(orderId)).setScale(2, RoundingMode.UNNECESSARY);
    }

    private RefundOutcome refunded(PaymentRow row) {
        if (!row.succeeded()) {
            throw DomainException.unprocessable(
                    "REFUND_DECLINED", "The payment gateway declined the refund: " + row.declineReason());
        }
        return new RefundOutcome(row.amount().amount(), row.reference());
    }

    private static ChargeOutcome declined(PaymentRow row) {
        return new ChargeOutcome(ChargeOutcome.Status.DECLINED, null, row.declineReason());
    }

    private static DomainException exceedsCaptured(BigDecimal amount, BigDecimal available) {
        return DomainException.unprocessable(
                "REFUND_EXCEEDS_CAPTURED",
                "A refund of " + amount + " exceeds the " + available.setScale(2, RoundingMode.UNNECESSARY)
                        + " captured and not yet refunded");
    }

    private static void requireSameCharge(PaymentRow row, Charge charge, Money amount) {
        if (!row.orderId().equals(charge.orderId())
                || row.method() != charge.method()
                || !row.amount().equals(amount)) {
            throw keyReused();
        }
    }

    private static void requireSameRefund(PaymentRow row, Refund refund, BigDecimal amount) {
        if (!row.orderId().equals(refund.orderId()) || row.amount().amount().compareTo(amount) != 0) {
            throw keyReused();
        }
    }

    private static DomainException keyReused() {
        return DomainException.unprocessable(
                "IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different payment");
    }

    private static PaymentRow.New newCharge(
            Charge charge,
            Money amount,
            PaymentRow.Operation operation,
            PaymentRow.Status status,
            String key,
            UUID parentId,
            String giftCardCode) {
        return new PaymentRow.New(
                charge.orderId(),
                charge.userId(),
                charge.method(),
                operation,
                amount,
                status,
                key,
                parentId,
                giftCardCode,
                null);
    }

    private static PaymentRow.New newRefund(
            Refund refund,
            PaymentRow charge,
            BigDecimal amount,
            PaymentRow.Operation operation,
            PaymentRow.Status status,
            String key) {
        return new PaymentRow.New(
                refund.orderId(),
                charge.userId(),
                charge.method(),
                operation,
                Money.of(amount, charge.amount().currency()),
                status,
                key,
                charge.id(),
                charge.giftCardCode(),
                refund.reason());
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "An idempotency key of 1 to " + MAX_KEY_LENGTH + " characters is needed");
        }
        return key;
    }

    /** Money has two decimals: 10, 10.5 and 10.50 are 10.00, 10.50, 10.50; 10.505 is refused, never rounded. */
    static BigDecimal money(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("An amount between 0.01 and " + MAX_AMOUNT + " is needed: " + amount);
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("An amount has at most 2 decimals: " + amount, e);
        }
    }

    /** A charge takes a positive amount that fits the {@code amount} column; Money has checked the rest. */
    private static Money positive(Money amount) {
        Objects.requireNonNull(amount, "amount");
        money(amount.amount());
        return amount;
    }

    static String giftCardCode(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private <T> T tx(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private void txRun(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }
}
