package dev.bazaar.web.internal.admin;

import dev.bazaar.payment.GiftCardAdministration;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Gift cards for staff: look one up by code, issue one or set its balance. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminGiftCards {

    private final GiftCardAdministration giftCards;
    private final AdminMessages messages;

    AdminGiftCards(GiftCardAdministration giftCards, AdminMessages messages) {
        this.giftCards = giftCards;
        this.messages = messages;
    }

    @GetMapping("/admin/gift-cards")
    String page(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("section", "gift-cards");
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            var found = giftCards.find(code);
            model.addAttribute("card", found.orElse(null));
            model.addAttribute("notFound", found.isEmpty());
        }
        return "admin/gift-cards";
    }

    @PostMapping("/admin/gift-cards")
    String save(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String balance,
            @RequestParam(defaultValue = "USD") String currency,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        try {
            BigDecimal amount;
            try {
                amount = new BigDecimal(balance.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalidField("balance", "must be a number such as 25.00");
            }
            if (!currency.strip().matches("[A-Z]{3}")) {
                throw DomainException.invalidField("currency", "must be an ISO 4217 code such as USD");
            }
            Money money;
            try {
                money = Money.of(amount, currency.strip());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("balance", "must have at most 2 decimals");
            }
            var card = giftCards.save(code, money, active);
            messages.done(redirect, "admin.giftCards.saved", card.code());
            return "redirect:/admin/gift-cards?code=" + card.code();
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
            return "redirect:/admin/gift-cards";
        }
    }
}
