package dev.bazaar.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.platform.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * Gift cards as the admin console manages them, with the rules of {@code /api/v1/admin/gift-cards}: codes are
 * case-insensitive (stored in capitals), balances have two decimals. For admins only: the caller checks the role.
 */
public interface GiftCardAdministration {

    Optional<GiftCardView> find(String code);

    /** Issues a gift card, or sets its balance, currency and whether it can be used. */
    GiftCardView save(String code, Money balance, boolean active);

    record GiftCardView(
            String code,

            @tools.jackson.databind.annotation.JsonSerialize(using = Money.AmountJson.class)
            Money balance,

            boolean active,
            Instant createdAt,
            Instant updatedAt) {

        /** The currency of the balance, for the API's {@code "currency"} field beside {@code "balance"}. */
        @JsonProperty
        public String currency() {
            return balance.currency();
        }
    }
}
