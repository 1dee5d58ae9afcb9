package dev.bazaar.identity.internal;

import dev.bazaar.identity.Address;
import dev.bazaar.identity.UserAccounts;
import dev.bazaar.identity.UserProfile;
import dev.bazaar.platform.security.Role;
import dev.bazaar.platform.web.RequestValidator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** {@link UserAccounts} over the same services as the identity endpoints, validating input as they do. */
@Service
class UserAccountsService implements UserAccounts {

    private final AccountService accounts;
    private final SessionService sessions;
    private final RequestValidator requests;
    private final AdminProperties admin;

    UserAccountsService(
            AccountService accounts, SessionService sessions, RequestValidator requests, AdminProperties admin) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.requests = requests;
        this.admin = admin;
    }

    @Override
    public String configuredAdminEmail() {
        return admin.email();
    }

    @Override
    public BrowserSession signUp(String email, String name, String password, String phone, String clientAddress) {
        accounts.register(valid(new Requests.Register(email, name, password, blankToNull(phone))));
        return signIn(email, password, clientAddress);
    }

    @Override
    public BrowserSession signIn(String email, String password, String clientAddress) {
        UserRow user = accounts.authenticate(valid(new Requests.Login(email, password)), clientAddress);
        return start(user);
    }

    private BrowserSession start(UserRow user) {
        UUID sessionId = sessions.startBrowserSession(user.id());
        accounts.notifySignIn(user.id());
        return new BrowserSession(accounts.profile(user.id()), sessionId);
    }

    @Override
    public void signOut(UUID sessionId) {
        sessions.endSession(sessionId);
    }

    @Override
    public boolean isActive(UUID sessionId) {
        return sessions.isActive(sessionId);
    }

    @Override
    public UserProfile profile(UUID userId) {
        return accounts.profile(userId);
    }

    @Override
    public UserProfile updateProfile(UUID userId, String name, String phone, List<Address> addresses) {
        return accounts.updateProfile(userId, valid(new Requests.UpdateProfile(name, phone, addresses)));
    }

    @Override
    public UserPage users(int page, int limit) {
        AccountService.AdminUserList list = accounts.list(page, limit);
        return new UserPage(list.users(), list.pagination());
    }

    @Override
    public UserProfile changeRole(UUID actingAdmin, UUID userId, Role role) {
        return accounts.changeRole(actingAdmin, userId, role);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private <T> T valid(T request) {
        return requests.valid(request);
    }
}
