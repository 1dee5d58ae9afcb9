package dev.bazaar.web.internal.storefront;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.cart.ShopperCarts;
import dev.bazaar.identity.UserAccounts;
import dev.bazaar.order.ShopperOrders;
import dev.bazaar.order.ShopperOrders.Declined;
import dev.bazaar.order.ShopperOrders.Outcome;
import dev.bazaar.order.ShopperOrders.PaymentUnavailable;
import dev.bazaar.order.ShopperOrders.Placed;
import dev.bazaar.order.ShopperOrders.Refused;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.DomainStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checkout in two steps: address and payment, then a review that shows the exact total and places the order.
 * The review carries one idempotency key, so however often it is submitted, one order is made. A declined card or
 * an unavailable payment service shows why and keeps the cart.
 */
@Controller
class CheckoutPages {

    /** Test card tokens of the sandbox gateway, offered in a select. */
    static final List<String> TEST_CARDS = List.of("tok_visa", "tok_declined", "tok_insufficient_funds", "tok_timeout");

    private static final Pattern KEY_SHAPE = Pattern.compile("[0-9a-f-]{36}");
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(250);
    private static final int IN_FLIGHT_TRIES = 40;

    private final ShopperCarts carts;
    private final ShopperOrders orders;
    private final UserAccounts accounts;
    private final MessageSource messages;

    CheckoutPages(ShopperCarts carts, ShopperOrders orders, UserAccounts accounts, MessageSource messages) {
        this.carts = carts;
        this.orders = orders;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/checkout")
    String form(
            CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        PricedCart cart = carts.view(request, response);
        if (cart.items().isEmpty()) {
            redirect.addFlashAttribute("problem", message("checkout.empty"));
            return "redirect:/cart";
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", new CheckoutForm(null, null, Payments.Method.CARD, "tok_visa", null, null, null));
        }
        return showForm(user, cart, model);
    }

    @PostMapping("/checkout/review")
    String review(
            CurrentUser user,
            @ModelAttribute("form") CheckoutForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PricedCart cart = carts.view(request, response);
        if (cart.items().isEmpty()) {
            return "redirect:/cart";
        }
        return showReview(user, cart, form.confirming(totalOf(cart)), model);
    }

    @PostMapping("/checkout/place")
    String place(
            CurrentUser user,
            @ModelAttribute("form") CheckoutForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect)
            throws InterruptedException {
        if (form.idempotencyKey() == null
                || !KEY_SHAPE.matcher(form.idempotencyKey()).matches()) {
            return "redirect:/checkout";
        }
        PricedCart cart;
        switch (placeOnce(user, form)) {
            case Placed placed -> {
                redirect.addFlashAttribute("placed", true);
                return "redirect:/orders/" + placed.orderId();
            }
            case PaymentUnavailable unavailable -> {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                model.addAttribute("problem", message("checkout.unavailable"));
                // the charge may still go through: the same key is what makes a retry safe
                return showReview(user, carts.view(request, response), form, model);
            }
            case Declined declined -> {
                response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
                model.addAttribute("problem", message("checkout.declined", declined.message()));
                cart = carts.view(request, response);
            }
            case Refused refused -> {
                response.setStatus(DomainStatus.of(refused.kind()).value());
                model.addAttribute("problem", refusal(refused));
                model.addAttribute("fieldErrors", refused.details());
                cart = carts.view(request, response);
                if ("PRICE_CHANGED".equals(refused.code()) && !cart.items().isEmpty()) {
                    // nothing was created: show the new total to confirm, under a new key
                    return showReview(user, cart, form.confirming(totalOf(cart)), model);
                }
            }
        }
        if (cart.items().isEmpty()) {
            return "storefront/cart-empty-after-refusal";
        }
        return showForm(user, cart, model);
    }

    /** A second submission of the same key waits for the first to finish, then shows the same outcome. */
    private Outcome placeOnce(CurrentUser user, CheckoutForm form) throws InterruptedException {
        Outcome outcome = orders.place(user.id(), form.idempotencyKey(), form.toOrder());
        for (int tries = 0;
                tries < IN_FLIGHT_TRIES
                        && outcome instanceof Refused refused
                        && "REQUEST_IN_PROGRESS".equals(refused.code());
                tries++) {
            Thread.sleep(IN_FLIGHT_WAIT);
            outcome = orders.place(user.id(), form.idempotencyKey(), form.toOrder());
        }
        return outcome;
    }

    private String showForm(CurrentUser user, PricedCart cart, Model model) {
        model.addAttribute("cart", cart);
        model.addAttribute("addresses", accounts.profile(user.id()).addresses());
        model.addAttribute("testCards", TEST_CARDS);
        model.addAttribute("methods", Payments.Method.values());
        return "storefront/checkout";
    }

    private String showReview(CurrentUser user, PricedCart cart, CheckoutForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("cart", cart);
        var addresses = accounts.profile(user.id()).addresses();
        Integer index = form.savedAddressIndex();
        model.addAttribute(
                "savedAddress", index != null && index >= 0 && index < addresses.size() ? addresses.get(index) : null);
        return "storefront/checkout-review";
    }

    private String refusal(Refused refused) {
        return switch (refused.code()) {
            case "INSUFFICIENT_STOCK" -> message("checkout.stock", refused.message());
            case "PRICE_CHANGED" -> message("checkout.priceChanged");
            default -> refused.message();
        };
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The total the review shows, {@code 0.00} for a cart without a product for sale. */
    private static BigDecimal totalOf(PricedCart cart) {
        return cart.total() == null ? BigDecimal.ZERO.setScale(2) : cart.total().amount();
    }
}
