package dev.bazaar.payment.internal;

import dev.bazaar.payment.Payments;
import dev.bazaar.platform.Money;
import java.util.Locale;
import java.util.UUID;

/** One row of {@code payments}: one money transaction of an order. */
record PaymentRow(
        UUID id,
        UUID orderId,
        UUID userId,
        Payments.Method method,
        Operation operation,
        Money amount,
        Status status,
        String gatewayReference,
        String idempotencyKey,
        String declineReason,
        UUID parentId,
        String giftCardCode) {

    /** What the row records. Captures and debits take money, refunds and credits give it back. */
    enum Operation {
        AUTHORIZE,
        CAPTURE,
        REFUND,
        DEBIT,
        CREDIT,
        /** Cash on delivery: the amount is to be collected, nothing was taken. */
        DUE;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Operation ofColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    enum Status {
        SUCCEEDED,
        DECLINED,
        /** Never sent (the circuit breaker was open): nothing happened; repeating the call sends it. */
        FAILED,
        /** Sent, and no answer came: it may have happened; repeating the call asks again with the same key. */
        UNKNOWN;

        boolean settled() {
            return this == SUCCEEDED || this == DECLINED;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    static String methodColumn(Payments.Method method) {
        return method.name().toLowerCase(Locale.ROOT);
    }

    static Payments.Method methodOfColumn(String value) {
        return Payments.Method.valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean settled() {
        return status.settled();
    }

    boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** The reference the caller gets: the gateway's for card operations, the row's own id for the others. */
    String reference() {
        return gatewayReference != null ? gatewayReference : id.toString();
    }

    /** A row to insert. */
    record New(
            UUID orderId,
            UUID userId,
            Payments.Method method,
            Operation operation,
            Money amount,
            Status status,
            String idempotencyKey,
            UUID parentId,
            String giftCardCode,
            String reason) {}
}
