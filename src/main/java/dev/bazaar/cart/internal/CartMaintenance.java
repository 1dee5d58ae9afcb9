package dev.bazaar.cart.internal;

import dev.bazaar.identity.Customers;
import dev.bazaar.platform.notification.Notification;
import dev.bazaar.platform.notification.Notifier;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled cart upkeep: purging carts idle past their lifetime, and reminding signed-in shoppers of carts
 * idle for {@code abandoned-after}, once per idle period. Safe with several instances: reminders lock their
 * carts with SKIP LOCKED and mark them in the same transaction as the notification.
 */
@Component
class CartMaintenance {

    private static final Logger log = LoggerFactory.getLogger(CartMaintenance.class);
    private static final int BATCH = 500;

    private final CartStore store;
    private final CartProperties properties;
    private final Customers contacts;
    private final Notifier notifier;
    private final TransactionTemplate transactions;

    CartMaintenance(
            CartStore store,
            CartProperties properties,
            Customers contacts,
            Notifier notifier,
            TransactionTemplate transactions) {
        this.store = store;
        this.properties = properties;
        this.contacts = contacts;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${bazaar.cart.purge-every:PT1H}", initialDelayString = "PT2M")
    int purgeExpiredCarts() {
        Instant now = Instant.now();
        int total = 0;
        int purged;
        do {
            purged = store.purgeExpired(now.minus(properties.guestTtl()), now.minus(properties.userTtl()), BATCH);
            total += purged;
        } while (purged == BATCH);
        if (total > 0) {
            log.info("Purged {} expired carts", total);
        }
        return total;
    }

    @Scheduled(fixedDelayString = "${bazaar.cart.remind-every:PT15M}", initialDelayString = "PT3M")
    int remindAbandonedCarts() {
        int total = 0;
        int sent;
        do {
            sent = transactions.execute(tx -> {
                var idle = store.lockIdleCarts(Instant.now().minus(properties.abandonedAfter()), BATCH);
                for (CartStore.IdleCart cart : idle) {
                    contacts.contactOf(cart.userId())
                            .ifPresent(contact -> notifier.send(new Notification(
                                    contact.userId(),
                                    contact.email(),
                                    "abandoned_cart",
                                    "You left something in your cart",
                                    "Hello " + contact.name() + ",\n\nthe items in your Bazaar cart are still "
                                            + "waiting for you.\n")));
                    store.markReminded(cart.cartId());
                }
                return idle.size();
            });
            total += sent;
        } while (sent == BATCH);
        if (total > 0) {
            log.info("Sent {} abandoned-cart reminders", total);
        }
        return total;
    }
}
