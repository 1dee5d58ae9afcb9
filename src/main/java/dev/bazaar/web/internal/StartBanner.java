package dev.bazaar.web.internal;

import dev.bazaar.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the store where the shop, the console and the API docs are, and how to sign in. */
@Component
class StartBanner {

    private static final Logger log = LoggerFactory.getLogger(StartBanner.class);

    private final String adminEmail;
    private final String address;

    StartBanner(UserAccounts accounts, ServerProperties server) {
        this.adminEmail = accounts.configuredAdminEmail();
        this.address =
                server.getAddress() == null ? "127.0.0.1" : server.getAddress().getHostAddress();
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String host = address.isBlank() || address.equals("0.0.0.0") ? "127.0.0.1" : address;
        String base = "http://" + host + ":" + web.getWebServer().getPort();
        log.info(
                "Bazaar is open. Shop: {}/  Admin console: {}/admin  API docs: {}/swagger-ui.html  Sign in to the "
                        + "console as {} with the password printed when this store first started (or the one in "
                        + "BAZAAR_ADMIN_PASSWORD).",
                base,
                base,
                base,
                adminEmail);
    }
}
