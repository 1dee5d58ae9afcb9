package dev.bazaar.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments.Charge;
import dev.bazaar.payment.Payments.ChargeOutcome;
import dev.bazaar.payment.Payments.Method;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 15, item 10: a missing gift card code tells a caller no more than a wrong one. */
class GiftCardOracleTest extends IntegrationTest {

    @Autowired
    Payments payments;

    @Test
    void anEmptyCodeIsDeclinedExactlyLikeAnUnknownOne() {
        ChargeOutcome unknown =
                charge("NO-SUCH-CARD-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(unknown.status()).isEqualTo(ChargeOutcome.Status.DECLINED);

        for (String empty : new String[] {"", "   ", null}) {
            ChargeOutcome outcome = charge(empty);
            assertThat(outcome.status()).as("[%s]", empty).isEqualTo(unknown.status());
            assertThat(outcome.declineReason()).as("[%s]", empty).isEqualTo(unknown.declineReason());
        }
    }

    private ChargeOutcome charge(String code) {
        return payments.charge(new Charge(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "test-" + UUID.randomUUID(),
                Money.of(new BigDecimal("5.00"), "USD"),
                Method.GIFT_CARD,
                null,
                code));
    }
}
