package dev.bazaar.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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

    /** Cards for the given active products, in the given order; unknown or inactive ids are skipped. */
    List<ProductCard> cards(List<UUID> productIds);

    /** The card of an active product. */
    Optional<ProductCard> card(UUID productId);
}
