package dev.bazaar.catalog;

import dev.bazaar.platform.security.CurrentUser;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What other modules may ask the catalog. */
public interface ProductCatalog {

    /** The product as search indexes it, active or not; empty if it does not exist. */
    Optional<IndexableProduct> indexable(UUID productId);

    /**
     * Runs {@code work} over every active product, streamed from the database (never all in memory), and
     * returns its result. The stream is only valid inside {@code work}.
     */
    <T> T withAllIndexable(Function<Stream<IndexableProduct>, T> work);

    /** Number of active products. */
    long activeCount();

    /**
     * Cards for the given active products, in the given order; unknown or inactive ids are skipped. One batch read
     * for the whole list (a multi-get of the in-process cache and one query for the rest, and one query for stock),
     * never a lookup per product: callers pass the whole list rather than calling {@link #card} in a loop.
     */
    List<ProductCard> cards(List<UUID> productIds);

    /** The card of an active product. */
    Optional<ProductCard> card(UUID productId);

    /** The display name of the category with this slug; empty if there is none. */
    Optional<String> categoryName(String slug);

    /** The ids of the products with the given SKUs (active or not); unknown SKUs are left out. */
    Map<String, UUID> idsBySku(Collection<String> skus);

    /** Whether the product exists and is active (on sale). */
    boolean isActive(UUID productId);

    /**
     * Replaces a product's rating and review count, exactly, even when reviews of the product change concurrently.
     * Must be called inside the caller's transaction, after the caller's own change to its reviews. The catalog
     * first locks the product's row ({@code FOR NO KEY UPDATE}, which does not wait for the key-share locks that
     * foreign keys to the product take), then calls {@code summaryUnderLock}: as every such refresh takes the same
     * lock, the summary is computed after every earlier refresh's transaction committed, and sees all of their
     * reviews and the caller's own. It then stores the summary, publishes {@link ProductChanged} in the
     * transaction and, once it commits, evicts the product from the catalog's caches.
     *
     * @throws IllegalStateException if no transaction is active
     * @throws java.util.NoSuchElementException if the product does not exist
     */
    void refreshRatingSummary(UUID productId, Supplier<RatingSummary> summaryUnderLock);

    /**
     * The reviews that the product's details show changed without a change of its rating summary (a comment edited,
     * a helpful vote): its cached details are evicted once the caller's transaction commits (at once without one). A
     * change of the summary goes through {@link #refreshRatingSummary}, which evicts them itself.
     */
    void reviewsChanged(UUID productId);

    /**
     * Products' related products ({@link RelatedProductsView}) were computed again, as after a recommendation model's
     * training: every cached product details is evicted, so that details show the new ones.
     */
    void relatedProductsChanged();

    /**
     * Whether the caller may change the product, by the rule product changes follow: its seller (a SELLER whose id
     * is the product's seller) or an ADMIN. False if the product does not exist.
     */
    boolean mayManage(UUID productId, CurrentUser caller);

    /**
     * Replaces the pictures the product shows, as the media module stores them: {@code imageUrls} (the product
     * page's pictures, in order) and {@code thumbnailUrl} (the card's picture; null for none). Joins the caller's
     * transaction if there is one; publishes {@link ProductChanged} and, once committed, evicts the product from the
     * catalog's caches.
     *
     * @throws java.util.NoSuchElementException if the product does not exist
     */
    void showImages(UUID productId, List<String> imageUrls, String thumbnailUrl);
}
