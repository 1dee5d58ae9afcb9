package dev.bazaar.payment.internal;

import dev.bazaar.payment.GiftCardAdministration;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
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
    public GiftCardView save(String code, Money balance, boolean active) {
        if (code == null || !code.strip().matches(CODE)) {
            throw DomainException.invalidField("code", "must be 4 to 50 letters, digits, - or _");
        }
        if (balance == null) {
            throw DomainException.invalidField("balance", "is needed");
        }
        if (balance.isNegative() || balance.amount().compareTo(MAX_BALANCE) > 0) {
            throw DomainException.invalidField("balance", "must be between 0 and 99999999.99");
        }
        return view(giftCards.save(PaymentsService.giftCardCode(code.strip()), balance, active));
    }

    private static GiftCardView view(GiftCardStore.GiftCard card) {
        return new GiftCardView(card.code(), card.balance(), card.active(), card.createdAt(), card.updatedAt());
    }
}
