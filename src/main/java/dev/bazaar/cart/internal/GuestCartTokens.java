package dev.bazaar.cart.internal;

import dev.bazaar.platform.security.Sha256;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Guest cart tokens: 256 random bits the server issues with a guest's first addition, returned in the
 * {@code X-Cart-Token} header and an HttpOnly cookie; the client sends either back. Only a SHA-256 hash is
 * stored, so a database leak reveals no usable token. The cookie is sent on every path, so the storefront's pages
 * and the API see the same guest cart.
 */
@Component
class GuestCartTokens {

    static final String HEADER = "X-Cart-Token";
    static final String COOKIE = "cart_token";
    /** A token issued during this request, so later steps of the same request see the new cart. */
    static final String ISSUED_ATTRIBUTE = GuestCartTokens.class.getName() + ".issued";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final CartProperties properties;

    GuestCartTokens(CartProperties properties) {
        this.properties = properties;
    }

    /** The token the request carries (header first, then cookie), if well-formed. */
    Optional<String> presented(HttpServletRequest request) {
        if (request.getAttribute(ISSUED_ATTRIBUTE) instanceof String issued) {
            return Optional.of(issued);
        }
        String header = request.getHeader(HEADER);
        if (header != null) {
            return Optional.of(header).filter(token -> SHAPE.matcher(token).matches());
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())
                        && SHAPE.matcher(cookie.getValue()).matches()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void send(HttpServletResponse response, String token) {
        response.setHeader(HEADER, token);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, token)
                        .httpOnly(true)
                        .secure(false)
                        .sameSite("Lax")
                        .path("/")
                        .maxAge(properties.guestTtl())
                        .build()
                        .toString());
    }

    /** Tells the browser to forget the guest token (after its cart merged into a user's). */
    void forget(HttpServletResponse response) {
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, "")
                        .httpOnly(true)
                        .sameSite("Lax")
                        .path("/")
                        .maxAge(0)
                        .build()
                        .toString());
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
