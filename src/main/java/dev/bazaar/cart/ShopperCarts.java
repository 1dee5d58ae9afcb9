package dev.bazaar.cart;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;

/**
 * The cart of whoever sends a browser request, as the storefront uses it: the signed-in user's, or the guest's of
 * the {@code cart_token} cookie (issued with the first addition, like {@code POST /cart/items}). The same rules,
 * stock checks and prices as the cart endpoints; refusals are the same {@link
 * dev.bazaar.platform.DomainException}s.
 */
public interface ShopperCarts {

    PricedCart view(HttpServletRequest request, HttpServletResponse response);

    /** Adds units of a product; a guest's first addition sets the cart cookie on {@code response}. */
    PricedCart add(HttpServletRequest request, HttpServletResponse response, UUID productId, int quantity);

    PricedCart setQuantity(HttpServletRequest request, HttpServletResponse response, UUID itemId, int quantity);

    PricedCart remove(HttpServletRequest request, HttpServletResponse response, UUID itemId);

    PricedCart applyCoupon(HttpServletRequest request, HttpServletResponse response, String code);

    PricedCart removeCoupon(HttpServletRequest request, HttpServletResponse response);

    /** The guest cart token the request carries (a product view by a guest counts under it), or null. */
    String guestToken(HttpServletRequest request);
}
