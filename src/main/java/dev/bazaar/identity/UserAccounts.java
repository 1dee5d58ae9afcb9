package dev.bazaar.identity;

import dev.bazaar.platform.security.Role;
import dev.bazaar.platform.web.Pagination;
import java.util.List;
import java.util.UUID;

/**
 * Accounts as the storefront and the admin console use them: the same rules, password hashes and sessions as the
 * API's {@code /auth} and {@code /users} endpoints. Invalid input fails with the same
 * {@link dev.bazaar.platform.DomainException}s (their kind, code and details are what the API answers).
 */
public interface UserAccounts {

    /**
     * Registers a customer as {@code POST /auth/register} does (the same answer whether or not the email had an
     * account), then signs in with the same credentials: a new account's browser session starts (guest carts merge
     * as on sign-in); for an email that had an account with another password, the sign-in's 401.
     */
    BrowserSession signUp(String email, String name, String password, String phone, String clientAddress);

    /**
     * Checks the password and starts a browser session: 401 {@code INVALID_CREDENTIALS} when wrong, 429
     * {@code TOO_MANY_ATTEMPTS} while the sign-in backoff of this email and address lasts.
     */
    BrowserSession signIn(String email, String password, String clientAddress);

    /** Ends a browser session (sign-out). */
    void signOut(UUID sessionId);

    /** Whether a session is still active (not signed out, not ended by a role change). */
    boolean isActive(UUID sessionId);

    UserProfile profile(UUID userId);

    /** Changes name and phone, and replaces the saved addresses when {@code addresses} is not null. */
    UserProfile updateProfile(UUID userId, String name, String phone, List<Address> addresses);

    UserPage users(int page, int limit);

    /** Changes another user's role and ends their sessions; admins cannot change their own. */
    UserProfile changeRole(UUID actingAdmin, UUID userId, Role role);

    /** The store's first admin as configured ({@code bazaar.admin.email}); empty when none is. */
    String configuredAdminEmail();

    record BrowserSession(UserProfile user, UUID sessionId) {}

    record UserPage(List<UserProfile> users, Pagination pagination) {}
}
