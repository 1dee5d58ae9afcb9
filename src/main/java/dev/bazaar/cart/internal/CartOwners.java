package dev.bazaar.cart.internal;

import dev.bazaar.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whose cart a request means, for the API and the storefront alike: the signed-in user's, or the guest's whose
 * cart token it carries. A signed-in request that still carries a guest token first merges that guest cart.
 */
@Component
class CartOwners {

    private final CartService carts;
    private final GuestCartTokens tokens;

    CartOwners(CartService carts, GuestCartTokens tokens) {
        this.carts = carts;
        this.tokens = tokens;
    }

    CartOwner of(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> guestToken = tokens.presented(request);
        Optional<CurrentUser> user = CurrentUser.ofCurrentRequest();
        if (user.isPresent()) {
            if (guestToken.isPresent()) {
                carts.merge(user.get().id(), GuestCartTokens.hash(guestToken.get()));
                tokens.forget(response);
            }
            return new CartOwner.User(user.get().id());
        }
        return guestToken
                .<CartOwner>map(token -> new CartOwner.Guest(GuestCartTokens.hash(token)))
                .orElseGet(CartOwner.NewGuest::new);
    }

    /**
     * As {@link #of}, but a guest without a cart gets a new token (sent back) for the cart about to be made. A token
     * the server never issued (or whose cart is gone) gets no cart either: a fresh token is issued instead, so nobody
     * can plant a cart under a token they chose (cart fixation).
     */
    CartOwner withCart(HttpServletRequest request, HttpServletResponse response) {
        CartOwner owner = of(request, response);
        if (owner instanceof CartOwner.NewGuest
                || owner instanceof CartOwner.Guest guest && !carts.guestCartExists(guest)) {
            String token = tokens.issue();
            tokens.send(response, token);
            request.setAttribute(GuestCartTokens.ISSUED_ATTRIBUTE, token);
            return new CartOwner.Guest(GuestCartTokens.hash(token));
        }
        return owner;
    }
}
