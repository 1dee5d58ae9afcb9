package dev.bazaar.web.internal;

import dev.bazaar.cart.ShopperCarts;
import dev.bazaar.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in, and how many items the cart holds. */
@ControllerAdvice(basePackages = "dev.bazaar.web")
class PageModel {

    private final ShopperCarts carts;

    PageModel(ShopperCarts carts) {
        this.carts = carts;
    }

    @ModelAttribute("shopper")
    CurrentUser shopper() {
        return CurrentUser.ofCurrentRequest().orElse(null);
    }

    @ModelAttribute("cartCount")
    int cartCount(HttpServletRequest request, HttpServletResponse response) {
        if (request.getRequestURI().startsWith("/admin")) {
            return 0;
        }
        try {
            return carts.view(request, response).totalItems();
        } catch (RuntimeException cartUnavailable) {
            // the header badge must never take a page down
            return 0;
        }
    }
}
