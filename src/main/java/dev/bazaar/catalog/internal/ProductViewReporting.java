package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.ProductViewListener;
import dev.bazaar.catalog.ProductViewed;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.security.Sha256;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reports product details views by known shoppers to the {@link ProductViewListener}s. Anonymous visitors without a
 * cart are not reported: there is nobody to recommend to, and crawlers would drown the signal. A guest is named by a
 * hash of their cart token, so the behaviour log never holds a usable token.
 */
@Component
class ProductViewReporting {

    private static final Logger log = LoggerFactory.getLogger(ProductViewReporting.class);

    private final ObjectProvider<ProductViewListener> listeners;

    ProductViewReporting(ObjectProvider<ProductViewListener> listeners) {
        this.listeners = listeners;
    }

    void viewed(UUID productId, Optional<CurrentUser> viewer, String cartToken) {
        UUID userId = viewer.map(CurrentUser::id).orElse(null);
        String guestKey = userId == null && cartToken != null && !cartToken.isBlank()
                ? Sha256.hex(cartToken).substring(0, 32)
                : null;
        if (userId == null && guestKey == null) {
            return;
        }
        ProductViewed view = new ProductViewed(UUID.randomUUID(), productId, userId, guestKey, Instant.now());
        listeners.forEach(listener -> {
            try {
                listener.viewed(view);
            } catch (RuntimeException e) {
                // a view is a signal, not something the shopper asked for: never fail the page over it
                log.warn("Product view listener failed", e);
            }
        });
    }
}
