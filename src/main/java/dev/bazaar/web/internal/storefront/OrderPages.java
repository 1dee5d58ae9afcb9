package dev.bazaar.web.internal.storefront;

import dev.bazaar.order.ShopperOrders;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shopper's orders: history, one order with its tracking timeline, and cancelling while allowed. */
@Controller
class OrderPages {

    /** Statuses from which a shopper may still cancel (the order module decides; this only hides the button). */
    private final ShopperOrders orders;

    OrderPages(ShopperOrders orders) {
        this.orders = orders;
    }

    @GetMapping("/orders")
    String history(CurrentUser user, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("orders", orders.page(user.id(), Math.max(1, Math.min(page, 10_000)), 20));
        return "storefront/orders";
    }

    @GetMapping("/orders/{orderId}")
    String order(CurrentUser user, @PathVariable UUID orderId, Model model) {
        var order = orders.details(user.id(), orderId);
        model.addAttribute("order", order);
        model.addAttribute("cancellable", order.status().cancellable());
        return "storefront/order";
    }

    @PostMapping("/orders/{orderId}/cancel")
    String cancel(CurrentUser user, @PathVariable UUID orderId, RedirectAttributes redirect) {
        try {
            orders.cancel(user.id(), orderId);
            redirect.addFlashAttribute("cancelled", true);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/orders/" + orderId;
    }
}
