package dev.bazaar.payment.internal;

import dev.bazaar.payment.GiftCardAdministration;
import dev.bazaar.platform.DomainException;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link GiftCardAdministration} over {@link GiftCardStore}, validating as {@code GiftCardAdminController} does. */
@Service
class GiftCardAdministrationService implements GiftCardAdministration {

    private static final String CODE = "[A-Za-z0-9_-]{4,50}";
    private static final BigDecimal MAX_BALANCE = new BigDecimal("99999999.99");

    private final GiftCardStore giftCards;

    GiftCardAdministrationService(GiftCardStore giftCards) {
        this.giftCards = giftCards;
    }

    @Override
    public Optional<GiftCardView> find(String code) {
        if (code == null || !code.strip().matches(CODE)) {
            return Optional.empty();
        }
        return giftCards.find(PaymentsService.giftCardCode(code.strip())).map(GiftCardAdministrationService::view);
    }

    @Override
    public GiftCardView save(String code, BigDecimal balance, String currency, boolean active) {
        if (code == null || !code.strip().matches(CODE)) {
            throw DomainException.invalidField("code", "must be 4 to 50 letters, digits, - or _");
        }
        if (balance == null || balance.signum() < 0 || balance.compareTo(MAX_BALANCE) > 0 || balance.scale() > 2) {
            throw DomainException.invalidField("balance", "must be between 0 and 99999999.99, with at most 2 decimals");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw DomainException.invalidField("currency", "must be an ISO 4217 code such as USD");
        }
        return view(giftCards.save(PaymentsService.giftCardCode(code.strip()), balance.setScale(2), currency, active));
    }

    private static GiftCardView view(GiftCardStore.GiftCard card) {
        return new GiftCardView(
                card.code(), card.balance(), card.currency(), card.active(), card.createdAt(), card.updatedAt());
    }
}
