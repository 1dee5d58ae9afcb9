package dev.bazaar.payment.internal;

import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A card processor's sandbox. Card tokens decide the answer: {@code tok_visa} is approved, {@code tok_declined}
 * is declined with "card_declined", {@code tok_insufficient_funds} with "insufficient_funds", and any other token
 * with "invalid_card". {@code tok_timeout} is approved, but every answer about it comes {@code
 * bazaar.payment.test-gateway.slow-delay} late, longer than the caller waits: like a real processor that did the
 * work and whose answer got lost, a later call with the same key finds it done. {@code tok_lost_capture} is
 * approved too, but the first answer to its capture is lost (the call fails after the money was taken): the caller
 * cannot know it was charged until it asks again with the same key, which gets the answer.
 *
 * <p>Like a processor, it keeps its own idempotency records ({@code test_gateway_operations}): an operation sent
 * again with the same key gets the first answer back and moves no money twice. It also enforces what a processor
 * does: a capture takes at most the authorized amount of an authorization, once; refunds of a capture add up to
 * at most what it captured.
 */
@Component
class TestCardGateway implements PaymentGateway {

    static final String SLOW_TOKEN = "tok_timeout";
    static final String LOST_CAPTURE_TOKEN = "tok_lost_capture";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration slowDelay;

    TestCardGateway(JdbcClient jdbc, TransactionTemplate transactions, PaymentProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.slowDelay = properties.testGateway().slowDelay();
    }

    @Override
    public Result authorize(String idempotencyKey, String cardToken, Money amount) {
        Operation operation = transactions.execute(tx -> find(idempotencyKey).orElseGet(() -> {
            Result decision = switch (cardToken) {
                case "tok_visa", SLOW_TOKEN, LOST_CAPTURE_TOKEN -> Result.approved(reference("auth_"));
                case "tok_declined" -> Result.declined("card_declined");
                case "tok_insufficient_funds" -> Result.declined("insufficient_funds");
                default -> Result.declined("invalid_card");
            };
            return record(idempotencyKey, "authorize", cardToken, null, amount, decision);
        }));
        return answer(operation, "authorize", idempotencyKey);
    }

    @Override
    public Result capture(String idempotencyKey, String authorizationReference, Money amount) {
        boolean[] firstAnswer = {false};
        Operation operation = transactions.execute(tx -> find(idempotencyKey).orElseGet(() -> {
            Optional<Operation> authorization = lockApproved("authorize", authorizationReference);
            Optional<Operation> meanwhile = find(idempotencyKey);
            if (meanwhile.isPresent()) {
                return meanwhile.get(); // the same key answered while this call waited for the lock
            }
            String token = authorization.map(Operation::cardToken).orElse(null);
            Result decision;
            if (authorization.isEmpty()) {
                decision = Result.declined("authorization_unknown");
            } else if (!authorization.get().amount().currency().equals(amount.currency())) {
                decision = Result.declined("currency_mismatch");
            } else if (amount.compareTo(authorization.get().amount()) > 0) {
                decision = Result.declined("amount_exceeds_authorization");
            } else if (approvedTotal("capture", authorizationReference).signum() > 0) {
                decision = Result.declined("already_captured");
            } else {
                decision = Result.approved(reference("ch_"));
            }
            firstAnswer[0] = true;
            return record(idempotencyKey, "capture", token, authorizationReference, amount, decision);
        }));
        if (firstAnswer[0] && LOST_CAPTURE_TOKEN.equals(operation.cardToken())) {
            // the money was taken and recorded above; only the answer does not reach the caller
            throw new IllegalStateException("Connection reset before the capture's answer arrived");
        }
        return answer(operation, "capture", idempotencyKey);
    }

    @Override
    public Result refund(String idempotencyKey, String captureReference, Money amount) {
        Operation operation = transactions.execute(tx -> find(idempotencyKey).orElseGet(() -> {
            Optional<Operation> capture = lockApproved("capture", captureReference);
            Optional<Operation> meanwhile = find(idempotencyKey);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            String token = capture.map(Operation::cardToken).orElse(null);
            Result decision;
            if (capture.isEmpty()) {
                decision = Result.declined("charge_unknown");
            } else if (!capture.get().amount().currency().equals(amount.currency())) {
                decision = Result.declined("currency_mismatch");
            } else if (approvedTotal("refund", captureReference)
                            .add(amount.amount())
                            .compareTo(capture.get().amount().amount())
                    > 0) {
                decision = Result.declined("refund_exceeds_charge");
            } else {
                decision = Result.approved(reference("re_"));
            }
            return record(idempotencyKey, "refund", token, captureReference, amount, decision);
        }));
        return answer(operation, "refund", idempotencyKey);
    }

    private Result answer(Operation operation, String expected, String idempotencyKey) {
        if (!operation.operation().equals(expected)) {
            throw new IllegalArgumentException("Idempotency key " + idempotencyKey + " was used for a "
                    + operation.operation() + ", not a " + expected);
        }
        if (SLOW_TOKEN.equals(operation.cardToken())) {
            try {
                Thread.sleep(slowDelay);
            } catch (InterruptedException e) {
                // the caller stopped waiting; the operation is recorded all the same
                Thread.currentThread().interrupt();
            }
        }
        return operation.result();
    }

    private Optional<Operation> find(String idempotencyKey) {
        return jdbc.sql("SELECT operation, card_token, amount, currency, approved, reference, decline_reason "
                        + "FROM test_gateway_operations WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, row) -> new Operation(
                        rs.getString("operation"),
                        rs.getString("card_token"),
                        Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                        new Result(
                                rs.getBoolean("approved"), rs.getString("reference"), rs.getString("decline_reason"))))
                .optional();
    }

    /** The approved operation with this reference, locked so that captures and refunds of it queue up. */
    private Optional<Operation> lockApproved(String operation, String reference) {
        return jdbc.sql("SELECT operation, card_token, amount, currency, reference FROM test_gateway_operations "
                        + "WHERE reference = :reference AND operation = :operation AND approved FOR UPDATE")
                .param("reference", reference)
                .param("operation", operation)
                .query((rs, row) -> new Operation(
                        rs.getString("operation"),
                        rs.getString("card_token"),
                        Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                        Result.approved(rs.getString("reference"))))
                .optional();
    }

    private BigDecimal approvedTotal(String operation, String parentReference) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM test_gateway_operations "
                        + "WHERE parent_reference = :parent AND operation = :operation AND approved")
                .param("parent", parentReference)
                .param("operation", operation)
                .query(BigDecimal.class)
                .single();
    }

    /** Records the answer unless a concurrent call with the same key got there first; returns the one kept. */
    private Operation record(
            String idempotencyKey,
            String operation,
            String cardToken,
            String parentReference,
            Money amount,
            Result decision) {
        jdbc.sql("INSERT INTO test_gateway_operations (idempotency_key, operation, card_token, parent_reference, "
                        + "amount, currency, approved, reference, decline_reason) VALUES (:key, :operation, :token, "
                        + ":parent, :amount, :currency, :approved, :reference, :reason) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING")
                .param("key", idempotencyKey)
                .param("operation", operation)
                .param("token", cardToken)
                .param("parent", parentReference)
                .param("amount", amount.amount())
                .param("currency", amount.currency())
                .param("approved", decision.approved())
                .param("reference", decision.reference())
                .param("reason", decision.declineReason())
                .update();
        return find(idempotencyKey).orElseThrow();
    }

    private static String reference(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private record Operation(String operation, String cardToken, Money amount, Result result) {}
}
