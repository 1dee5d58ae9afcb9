package dev.bazaar.web.internal.admin;

import dev.bazaar.cart.DiscountAdministration;
import dev.bazaar.cart.DiscountAdministration.CouponForm;
import dev.bazaar.cart.DiscountAdministration.CustomerDiscountForm;
import dev.bazaar.identity.UserAccounts;
import dev.bazaar.platform.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coupon codes and per-customer discounts, for staff. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminDiscounts {

    private final DiscountAdministration discounts;
    private final UserAccounts users;
    private final AdminMessages messages;

    AdminDiscounts(DiscountAdministration discounts, UserAccounts users, AdminMessages messages) {
        this.discounts = discounts;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/admin/coupons")
    String coupons(@RequestParam(required = false) String code, Model model) {
        var all = discounts.coupons();
        model.addAttribute("section", "coupons");
        model.addAttribute("coupons", all);
        model.addAttribute(
                "editing",
                code == null
                        ? null
                        : all.stream()
                                .filter(c -> c.code().equals(code))
                                .findFirst()
                                .orElse(null));
        return "admin/coupons";
    }

    @PostMapping("/admin/coupons")
    String saveCoupon(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "percent") String kind,
            @RequestParam(defaultValue = "") String value,
            @RequestParam(defaultValue = "") String minSubtotal,
            @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String expiresAt,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "") String maxRedemptions,
            @RequestParam(defaultValue = "") String maxPerCustomer,
            RedirectAttributes redirect) {
        try {
            BigDecimal amount = decimal(value, "value");
            var saved = discounts.saveCoupon(new CouponForm(
                    code.strip(),
                    kind.equals("percent") ? amount : null,
                    kind.equals("percent") ? null : amount,
                    minSubtotal.isBlank() ? null : decimal(minSubtotal, "minSubtotal"),
                    instant(startsAt, "startsAt"),
                    instant(expiresAt, "expiresAt"),
                    active,
                    count(maxRedemptions, "maxRedemptions"),
                    count(maxPerCustomer, "maxPerCustomer")));
            messages.done(redirect, "admin.coupons.saved", saved.code());
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/coupons";
    }

    @GetMapping("/admin/customers/{userId}/discount")
    String customerDiscount(@PathVariable UUID userId, Model model) {
        model.addAttribute("section", "users");
        model.addAttribute("customer", users.profile(userId));
        return "admin/customer-discount";
    }

    @PostMapping("/admin/customers/{userId}/discount")
    String grant(
            @PathVariable UUID userId,
            @RequestParam(defaultValue = "") String percentOff,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String expiresAt,
            RedirectAttributes redirect) {
        try {
            discounts.grantCustomerDiscount(
                    userId,
                    new CustomerDiscountForm(
                            decimal(percentOff, "percentOff"), reason, instant(expiresAt, "expiresAt")));
            messages.done(redirect, "admin.discount.granted");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/customers/" + userId + "/discount";
    }

    private static BigDecimal decimal(String text, String field) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalidField(field, "must be a number such as 10 or 12.50");
        }
    }

    /** A {@code datetime-local} value, read as UTC; blank for none. */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(field, "must be a date and time");
        }
    }

    /** A limit typed in a form: blank is no limit. */
    private static Integer count(String value, String field) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalidField(field, "must be a whole number");
        }
    }
}
