package dev.bazaar.cart.internal;

import dev.bazaar.identity.SignInListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Merges the guest cart a sign-in request carries (token header or cookie) into the user's cart. */
@Component
class GuestCartMergeOnSignIn implements SignInListener {

    private final CartService carts;
    private final GuestCartTokens tokens;

    GuestCartMergeOnSignIn(CartService carts, GuestCartTokens tokens) {
        this.carts = carts;
        this.tokens = tokens;
    }

    @Override
    public void signedIn(UUID userId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        tokens.presented(request).ifPresent(token -> {
            carts.merge(userId, GuestCartTokens.hash(token));
            if (response != null) {
                tokens.forget(response);
            }
        });
    }
}
