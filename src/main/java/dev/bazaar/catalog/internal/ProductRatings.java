package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.catalog.RatingSummary;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Products' pictures, kept by the media module through {@link dev.bazaar.catalog.ProductCatalog#showImages}, and
 * products' rating summaries, kept by the review module through {@link
 * dev.bazaar.catalog.ProductCatalog#refreshRatingSummary}. The row lock serialises every refresh of a product, so
 * the last one to commit computed its summary from every committed review: the stored summary is exact.
 */
@Service
class ProductRatings {

    private final ProductStore products;
    private final ApplicationEventPublisher events;
    private final ProductCaches caches;

    ProductRatings(ProductStore products, ApplicationEventPublisher events, ProductCaches caches) {
        this.products = products;
        this.events = events;
        this.caches = caches;
    }

    /** See {@link dev.bazaar.catalog.ProductCatalog#showImages}. */
    @Transactional
    void showImages(UUID productId, List<String> imageUrls, String thumbnailUrl) {
        if (!products.updateImages(productId, List.copyOf(imageUrls), thumbnailUrl)) {
            throw new NoSuchElementException("No product " + productId);
        }
        events.publishEvent(new ProductChanged(productId, Instant.now()));
        caches.evictProductAfterCommit(productId);
    }

    void refresh(UUID productId, Supplier<RatingSummary> summaryUnderLock) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A rating refresh must run inside the caller's transaction");
        }
        if (!products.lockForRatingRefresh(productId)) {
            throw new NoSuchElementException("No product " + productId);
        }
        RatingSummary summary = summaryUnderLock.get();
        products.updateRating(productId, summary.average(), summary.count());
        events.publishEvent(new ProductChanged(productId, Instant.now()));
        caches.evictProductAfterCommit(productId);
    }
}
