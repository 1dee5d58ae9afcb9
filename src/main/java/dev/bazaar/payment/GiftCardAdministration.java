package dev.bazaar.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Gift cards as the admin console manages them, with the rules of {@code /api/v1/admin/gift-cards}: codes are
 * case-insensitive (stored in capitals), balances have two decimals. For admins only: the caller checks the role.
 */
public interface GiftCardAdministration {

    Optional<GiftCardView> find(String code);

    /** Issues a gift card, or sets its balance, currency and whether it can be used. */
    GiftCardView save(String code, BigDecimal balance, String currency, boolean active);

    record GiftCardView(
            String code, BigDecimal balance, String currency, boolean active, Instant createdAt, Instant updatedAt) {}
}
