package dev.bazaar.review.internal;

import dev.bazaar.order.OrderPaid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records paid orders' products as purchases, so reviews of them show as verified: reviews written later are
 * verified when stored, and reviews the buyer wrote before paying are marked now. Idempotent, as the event
 * publication log may deliver an event again.
 */
@Component
class VerifiedPurchases {

    private final PurchaseStore purchases;
    private final ReviewStore reviews;

    VerifiedPurchases(PurchaseStore purchases, ReviewStore reviews) {
        this.purchases = purchases;
        this.reviews = reviews;
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        Instant paidAt = event.paidAt() != null ? event.paidAt() : Instant.now();
        // One lock per product, always taken in the same order, so two events of one buyer cannot deadlock.
        List<UUID> productIds = event.productIds().stream().distinct().sorted().toList();
        for (UUID productId : productIds) {
            purchases.lock(event.userId(), productId);
            purchases.record(event.userId(), productId, paidAt);
        }
        if (!productIds.isEmpty()) {
            reviews.markVerified(event.userId(), productIds);
        }
    }
}
