package dev.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.PaymentStatus;
import dev.bazaar.platform.DomainException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The order's and its payment's transitions, moves allowed and refused, and their names in the database. */
class OrderStatusTest {

    @Test
    void anOrderMovesOnlyAlongItsLife() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream()
                        .filter(OrderStatus.PENDING::canMoveTo)
                        .toList())
                .containsExactly(OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.SHIPPED.requireReachableFrom(OrderStatus.CONFIRMED))
                .isEqualTo(OrderStatus.SHIPPED);
        assertThat(OrderStatus.DELIVERED.requireReachableFrom(OrderStatus.SHIPPED))
                .isEqualTo(OrderStatus.DELIVERED);
        assertThat(OrderStatus.CONFIRMED.cancellable()).isTrue();
        assertThat(OrderStatus.SHIPPED.cancellable()).isFalse();
    }

    @Test
    void aShippedOrderCannotBeCancelledNorADeliveredOneGoBack() {
        DomainException refused = catchThrowableOfType(
                DomainException.class, () -> OrderStatus.CANCELLED.requireReachableFrom(OrderStatus.SHIPPED));
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(refused.getMessage()).isEqualTo("An order that is shipped cannot become cancelled");
        assertThatThrownBy(() -> OrderStatus.PENDING.requireReachableFrom(OrderStatus.DELIVERED))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> OrderStatus.CONFIRMED.requireReachableFrom(OrderStatus.CONFIRMED))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aPaymentMovesOnlyAsMoneyCanMove() {
        assertThat(PaymentStatus.PAID.requireReachableFrom(PaymentStatus.PENDING))
                .isEqualTo(PaymentStatus.PAID);
        assertThat(PaymentStatus.PAID.requireReachableFrom(PaymentStatus.DUE)).isEqualTo(PaymentStatus.PAID);
        assertThat(PaymentStatus.REFUNDED.requireReachableFrom(PaymentStatus.PAID))
                .isEqualTo(PaymentStatus.REFUNDED);
        // money arriving for an order already cancelled goes back
        assertThat(PaymentStatus.VOID.canMoveTo(PaymentStatus.REFUNDED)).isTrue();
        assertThat(PaymentStatus.FAILED.canMoveTo(PaymentStatus.REFUNDED)).isTrue();
    }

    @Test
    void aPaymentNeverComesBackOnceSettledTheOtherWay() {
        assertThat(PaymentStatus.PAID.canMoveTo(PaymentStatus.DUE)).isFalse();
        assertThat(PaymentStatus.PAID.canMoveTo(PaymentStatus.VOID)).isFalse();
        assertThat(PaymentStatus.REFUNDED.canMoveTo(PaymentStatus.PAID)).isFalse();
        assertThat(PaymentStatus.VOID.canMoveTo(PaymentStatus.PAID)).isFalse();
        assertThat(PaymentStatus.FAILED.canMoveTo(PaymentStatus.PAID)).isFalse();
        assertThat(PaymentStatus.DUE.canMoveTo(PaymentStatus.REFUNDED)).isFalse();
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(status.canMoveTo(PaymentStatus.PENDING))
                    .as(status.value())
                    .isFalse();
        }
        assertThatThrownBy(() -> PaymentStatus.PAID.requireReachableFrom(PaymentStatus.REFUNDED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("An order payment that is refunded cannot become paid");
    }

    @Test
    void cancellingRefundsWhatWasPaidAndVoidsWhatWasNotTaken() {
        assertThat(PaymentStatus.PAID.whenCancelled()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(PaymentStatus.PENDING.whenCancelled()).isEqualTo(PaymentStatus.VOID);
        assertThat(PaymentStatus.DUE.whenCancelled()).isEqualTo(PaymentStatus.VOID);
        assertThat(PaymentStatus.FAILED.whenCancelled()).isEqualTo(PaymentStatus.FAILED);
        assertThat(PaymentStatus.DUE.whenDelivered()).isEqualTo(PaymentStatus.PAID);
        assertThat(PaymentStatus.PAID.whenDelivered()).isEqualTo(PaymentStatus.PAID);
        for (PaymentStatus status : PaymentStatus.values()) {
            PaymentStatus cancelled = status.whenCancelled();
            assertThat(cancelled == status || status.canMoveTo(cancelled))
                    .as(status.value() + " → " + cancelled.value())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void anOrderStatusIsStoredAndSentByItsLowerCaseName(OrderStatus status) {
        assertThat(status.value()).isEqualTo(status.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(OrderStatus.ofValue(status.value())).contains(status);
        assertThat(OrderStatus.fromColumn(status.value())).isEqualTo(status);
        assertThat(OrderStatus.ofValue(status.name())).isEmpty();
    }

    @Test
    void paymentStatusesAreTheOnesTheApiHasAlwaysSent() {
        Set<String> values = Set.of("pending", "paid", "due", "failed", "void", "refunded");
        for (String value : values) {
            assertThat(PaymentStatus.fromColumn(value).value()).isEqualTo(value);
        }
        assertThat(PaymentStatus.values()).hasSize(values.size());
        assertThatThrownBy(() -> PaymentStatus.fromColumn("PAID")).isInstanceOf(IllegalStateException.class);
    }
}
