package dev.bazaar.identity.internal;

import dev.bazaar.platform.security.Role;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the configured first admin ({@code bazaar.admin.email}) exists and is an admin. Without a
 * configured password one is generated and logged once, as Spring Security does for its default user.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final AccountService accounts;
    private final String email;
    private final String password;
    private final String name;

    AdminBootstrap(UserStore users, AccountService accounts, AdminProperties admin) {
        this.users = users;
        this.accounts = accounts;
        this.email = admin.email();
        this.password = admin.password();
        this.name = admin.name();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        users.findByEmail(email)
                .ifPresentOrElse(
                        existing -> {
                            if (existing.role() != Role.ADMIN) {
                                users.updateRole(existing.id(), Role.ADMIN);
                                log.info("Granted ADMIN to the configured admin {}", email);
                            }
                        },
                        this::createAdmin);
    }

    private void createAdmin() {
        boolean generated = password.isBlank();
        String secret = generated ? generatePassword() : password;
        accounts.create(email, name, secret, null, Role.ADMIN);
        if (generated) {
            log.warn(
                    "Created admin {} with generated password {} (set bazaar.admin.password to choose one)",
                    email,
                    secret);
        } else {
            log.info("Created admin {}", email);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
