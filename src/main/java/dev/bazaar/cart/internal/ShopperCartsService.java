package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.cart.ShopperCarts;
import dev.bazaar.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** {@link ShopperCarts} over {@link CartService}, with the same owner rules as {@code CartController}. */
@Service
class ShopperCartsService implements ShopperCarts {

    private final CartService carts;
    private final CartOwners owners;
    private final GuestCartTokens tokens;
    private final CartProperties properties;

    ShopperCartsService(CartService carts, CartOwners owners, GuestCartTokens tokens, CartProperties properties) {
        this.carts = carts;
        this.owners = owners;
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public PricedCart view(HttpServletRequest request, HttpServletResponse response) {
        return carts.view(owners.of(request, response));
    }

    @Override
    public PricedCart add(HttpServletRequest request, HttpServletResponse response, UUID productId, int quantity) {
        requireQuantity(quantity);
        return carts.add(owners.withCart(request, response), productId, quantity)
                .cart();
    }

    @Override
    public PricedCart setQuantity(HttpServletRequest request, HttpServletResponse response, UUID itemId, int quantity) {
        requireQuantity(quantity);
        CartOwner owner = owners.of(request, response);
        carts.update(owner, itemId, quantity);
        return carts.view(owner);
    }

    @Override
    public PricedCart remove(HttpServletRequest request, HttpServletResponse response, UUID itemId) {
        CartOwner owner = owners.of(request, response);
        carts.remove(owner, itemId);
        return carts.view(owner);
    }

    @Override
    public PricedCart applyCoupon(HttpServletRequest request, HttpServletResponse response, String code) {
        if (code == null || code.isBlank() || code.length() > 50) {
            throw DomainException.invalidField("code", "enter a coupon code of at most 50 characters");
        }
        return carts.applyCoupon(owners.of(request, response), code);
    }

    @Override
    public PricedCart removeCoupon(HttpServletRequest request, HttpServletResponse response) {
        return carts.removeCoupon(owners.of(request, response));
    }

    @Override
    public String guestToken(HttpServletRequest request) {
        return tokens.presented(request).orElse(null);
    }

    private void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > properties.maxLineQuantity()) {
            throw DomainException.invalidField("quantity", "must be between 1 and " + properties.maxLineQuantity());
        }
    }
}
