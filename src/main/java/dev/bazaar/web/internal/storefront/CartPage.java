package dev.bazaar.web.internal.storefront;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.cart.ShopperCarts;
import dev.bazaar.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cart: lines with quantities, each discount named, shipping and the free-shipping threshold, the coupon, and
 * a notice for prices changed since an item was added. Every change is a form post (htmx swaps the cart in place
 * when present); a refused change (short stock, unknown coupon) comes back as a message, the cart unchanged.
 */
@Controller
class CartPage {

    private final ShopperCarts carts;
    private final MessageSource messages;

    CartPage(ShopperCarts carts, MessageSource messages) {
        this.carts = carts;
        this.messages = messages;
    }

    @GetMapping("/cart")
    String cart(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("cart", carts.view(request, response));
        return "storefront/cart";
    }

    @PostMapping("/cart/items")
    String add(
            @RequestParam UUID productId,
            @RequestParam(defaultValue = "1") int quantity,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            PricedCart cart = carts.add(request, response, productId, quantity);
            if (htmx != null) {
                model.addAttribute("cartCount", cart.totalItems());
                model.addAttribute("added", true);
                return "storefront/fragments :: added";
            }
            redirect.addFlashAttribute("notice", message("cart.added"));
        } catch (DomainException refused) {
            if (htmx != null) {
                model.addAttribute("added", false);
                model.addAttribute("problem", refused.getMessage());
                return "storefront/fragments :: added";
            }
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/products/" + productId;
        }
        return "redirect:/cart";
    }

    /** "Add all to cart" of frequently bought together: one unit of each; what cannot be added is named. */
    @PostMapping("/cart/bundle")
    String addBundle(
            @RequestParam(name = "productId") List<UUID> productIds,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (productIds.isEmpty() || productIds.size() > 10) {
            throw DomainException.invalidField("productId", "choose between 1 and 10 products");
        }
        int added = 0;
        for (UUID productId : productIds) {
            try {
                carts.add(request, response, productId, 1);
                added++;
            } catch (DomainException refused) {
                redirect.addFlashAttribute("problem", refused.getMessage());
            }
        }
        redirect.addFlashAttribute("notice", message("cart.bundle.added", added));
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{itemId}")
    String setQuantity(
            @PathVariable UUID itemId,
            @RequestParam int quantity,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        change(redirect, () -> carts.setQuantity(request, response, itemId, quantity));
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{itemId}/remove")
    String remove(
            @PathVariable UUID itemId,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        change(redirect, () -> carts.remove(request, response, itemId));
        return "redirect:/cart";
    }

    @PostMapping("/cart/coupon")
    String applyCoupon(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        change(redirect, () -> carts.applyCoupon(request, response, code));
        return "redirect:/cart";
    }

    @PostMapping("/cart/coupon/remove")
    String removeCoupon(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        change(redirect, () -> carts.removeCoupon(request, response));
        return "redirect:/cart";
    }

    private static void change(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
