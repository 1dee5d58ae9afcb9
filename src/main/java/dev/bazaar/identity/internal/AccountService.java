package dev.bazaar.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.identity.Address;
import dev.bazaar.identity.SignInListener;
import dev.bazaar.identity.UserProfile;
import dev.bazaar.identity.UserRegistered;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.notification.Notification;
import dev.bazaar.platform.notification.Notifier;
import dev.bazaar.platform.security.Role;
import dev.bazaar.platform.web.Pagination;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, sign-in and profiles. */
@Service
class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final String EMAIL_TAKEN = "EMAIL_TAKEN";

    private final UserStore users;
    private final AddressStore addresses;
    private final SessionService sessions;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final List<SignInListener> signInListeners;
    private final SignInBackoff backoff;
    private final Notifier notifier;
    /** Emails whose owner was told of a registration attempt in the last day: one message a day at most. */
    private final Cache<String, Boolean> registrationAttemptsTold = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(1))
            .build();
    /** Compared against when the email is unknown, so a failed sign-in takes as long either way. */
    private final String decoyHash;

    AccountService(
            UserStore users,
            AddressStore addresses,
            SessionService sessions,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            List<SignInListener> signInListeners,
            SignInBackoff backoff,
            Notifier notifier) {
        this.users = users;
        this.addresses = addresses;
        this.sessions = sessions;
        this.passwords = passwords;
        this.events = events;
        this.transactions = transactions;
        this.signInListeners = signInListeners;
        this.backoff = backoff;
        this.notifier = notifier;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Creates a customer account unless the email has one already; the caller cannot tell which happened (both
     * hash the password and write one row). The owner of an existing account is told once a day that someone
     * tried to register with their email, so a forgotten account is found again.
     */
    void register(Requests.Register request) {
        try {
            create(request.email(), request.name(), request.password(), request.phone(), Role.CUSTOMER);
        } catch (DomainException taken) {
            if (!EMAIL_TAKEN.equals(taken.code())) {
                throw taken;
            }
            tellOwnerOfRegistrationAttempt(normalise(request.email()));
        }
    }

    private void tellOwnerOfRegistrationAttempt(String email) {
        if (registrationAttemptsTold.asMap().putIfAbsent(email, Boolean.TRUE) != null) {
            return;
        }
        users.findByEmail(email)
                .ifPresent(owner -> notifier.send(new Notification(
                        owner.id(),
                        owner.email(),
                        "registration_attempt",
                        "Someone tried to create an account with your email",
                        "Someone tried to register a new Bazaar account with this email address, which already has"
                                + " one. If it was you, sign in with your password. If not, you need not do"
                                + " anything: your account is unchanged.")));
    }

    /** Creates an account; the email must not be taken in any letter case. */
    UserRow create(String email, String name, String password, String phone, Role role) {
        String hash = passwords.encode(password);
        try {
            return transactions.execute(tx -> {
                UserRow user = users.insert(normalise(email), name.trim(), hash, blankToNull(phone), role);
                events.publishEvent(new UserRegistered(user.id(), user.email(), user.name(), Instant.now()));
                return user;
            });
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict(EMAIL_TAKEN, "An account with this email already exists");
        }
    }

    /**
     * Signs in, after {@link SignInBackoff} has counted the attempt for this email and client address (429 while
     * they must wait; no password is checked then).
     */
    SignedIn login(Requests.Login request, String clientAddress) {
        UserRow user = authenticate(request, clientAddress);
        SignedIn signedIn =
                new SignedIn(Profiles.of(user, addresses.of(user.id())), sessions.start(user.id(), user.role()));
        notifySignIn(user.id());
        return signedIn;
    }

    /**
     * Checks the email and password with the same rules for the API and the storefront: the attempt is counted by
     * {@link SignInBackoff} first (429 while they must wait), then a wrong password is a 401.
     */
    UserRow authenticate(Requests.Login request, String clientAddress) {
        backoff.attempt(request.email(), clientAddress);
        UserRow user = checkPassword(request);
        backoff.succeeded(request.email(), clientAddress);
        return user;
    }

    private UserRow checkPassword(Requests.Login request) {
        UserRow user = users.findByEmail(normalise(request.email())).orElse(null);
        if (user == null || UserStore.NO_PASSWORD.equals(user.passwordHash())) {
            // the same work as a wrong password, so timing does not tell which emails have accounts
            passwords.matches(request.password(), decoyHash);
            throw invalidCredentials();
        }
        if (!passwords.matches(request.password(), user.passwordHash())) {
            throw invalidCredentials();
        }
        if (passwords.upgradeEncoding(user.passwordHash())) {
            users.updatePasswordHash(user.id(), passwords.encode(request.password()));
        }
        return user;
    }

    void notifySignIn(UUID userId) {
        for (SignInListener listener : signInListeners) {
            try {
                listener.signedIn(userId);
            } catch (RuntimeException e) {
                log.warn("A sign-in listener failed for user {}", userId, e);
            }
        }
    }

    UserProfile profile(UUID userId) {
        UserRow user = users.findById(userId).orElseThrow(() -> DomainException.notFound("User"));
        return Profiles.of(user, addresses.of(userId));
    }

    UserProfile updateProfile(UUID userId, Requests.UpdateProfile request) {
        if (request.addresses() != null
                && request.addresses().stream().filter(Address::isDefault).count() > 1) {
            throw DomainException.invalidField("addresses", "at most one address can be the default");
        }
        return transactions.execute(tx -> {
            UserRow current = users.findById(userId).orElseThrow(() -> DomainException.notFound("User"));
            String name = request.name() != null ? request.name().trim() : current.name();
            String phone = request.phone() != null ? blankToNull(request.phone()) : current.phone();
            UserRow updated = users.updateProfile(userId, name, phone);
            if (request.addresses() != null) {
                addresses.replace(userId, request.addresses());
            }
            return Profiles.of(updated, addresses.of(userId));
        });
    }

    AdminUserList list(int page, int limit) {
        Pagination pagination = Pagination.of(page, limit, users.count());
        List<UserProfile> rows = users.page(pagination.offset(), limit).stream()
                .map(user -> Profiles.of(user, List.of()))
                .toList();
        return new AdminUserList(rows, pagination);
    }

    /** Changes a user's role and ends their sessions, so the new role applies from their next sign-in. */
    UserProfile changeRole(UUID actingAdmin, UUID userId, Role role) {
        if (actingAdmin.equals(userId)) {
            throw DomainException.unprocessable("OWN_ROLE", "Admins cannot change their own role");
        }
        users.findById(userId).orElseThrow(() -> DomainException.notFound("User"));
        users.updateRole(userId, role);
        sessions.endAllSessionsOf(userId, "role_changed");
        return profile(userId);
    }

    private static DomainException invalidCredentials() {
        return DomainException.unauthenticated("INVALID_CREDENTIALS", "Email or password is wrong");
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record SignedIn(UserProfile user, AuthTokens tokens) {}

    record AdminUserList(List<UserProfile> users, Pagination pagination) {}
}
