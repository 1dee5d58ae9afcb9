package dev.bazaar.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in caller, taken from a verified access token (API) or the browser session (storefront). Declare it as a controller method parameter to
 * require a signed-in caller, or call {@link #ofCurrentRequest()} where signing in is optional.
 */
public record CurrentUser(UUID id, Role role, UUID sessionId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The caller of the request being handled, if it carried a valid access token. */
    public static Optional<CurrentUser> ofCurrentRequest() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof CurrentUser signedInOnTheWeb) {
            // a browser session (the storefront): the principal was built at sign-in from the same account
            return Optional.of(signedInOnTheWeb);
        }
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        List<String> roles = token.getToken().getClaimAsStringList(SecurityConfiguration.ROLES_CLAIM);
        Role role = roles == null || roles.isEmpty() ? Role.CUSTOMER : Role.valueOf(roles.getFirst());
        return Optional.of(new CurrentUser(
                UUID.fromString(token.getToken().getSubject()),
                role,
                UUID.fromString(token.getToken().getClaimAsString(SecurityConfiguration.SESSION_CLAIM))));
    }
}
