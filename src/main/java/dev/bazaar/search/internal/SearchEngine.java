package dev.bazaar.search.internal;

import dev.bazaar.catalog.IndexableProduct;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The search port: full-text relevance, filters, facets and autocomplete over the catalog. Embedded Lucene
 * implements it by default; an OpenSearch adapter implements the same contract for clusters.
 */
public interface SearchEngine extends AutoCloseable {

    /** Adds or replaces a product; an inactive product is removed instead. Searchable by the time this returns. */
    void upsert(IndexableProduct product);

    void delete(UUID productId);

    /**
     * Replaces the whole index with {@code products}. Searches keep answering from the previous index until the
     * new one is complete, then switch atomically. {@code progress} receives the running count of indexed
     * products. {@code catalogVersion} is stored with the index (see {@link #storedCatalogVersion()}).
     */
    long rebuild(Stream<IndexableProduct> products, String catalogVersion, LongConsumer progress);

    /** The catalog version stored by the last rebuild, or null when there is no index yet. */
    String storedCatalogVersion();

    /** Number of products in the index. */
    long size();

    /** A page of hits with their facets. */
    default SearchHits search(SearchRequest request) {
        return search(request, true);
    }

    /**
     * A page of hits; with {@code countFacets} false the facets are {@link Facets#NONE} and not counted at all, for
     * a caller that holds this query's facets already (another page or sort of it).
     */
    SearchHits search(SearchRequest request, boolean countFacets);

    /**
     * "Did you mean": {@code query} with each word that is not in the index (of four letters or more) replaced by
     * the closest indexed word of a title or description within two edits, the most frequent among equally close
     * ones; null when no word changes. Only words of the index come back. Whether the correction finds anything is
     * the caller's check.
     */
    default String correctSpelling(String query) {
        return null;
    }

    /** Completions for what a user has typed so far, most popular first, tolerating a typo. */
    List<Suggestion> suggest(String prefix, int limit);

    /** Makes every change so far visible to searches and durable on disk. */
    void flush();

    @Override
    void close();

    enum Sort {
        RELEVANCE,
        PRICE_ASC,
        PRICE_DESC,
        RATING_DESC,
        NEWEST
    }

    /**
     * A search. {@code query} may be blank (browse with filters). {@code category} is a slug and matches the
     * category and everything below it. {@code page} is 1-based.
     */
    record SearchRequest(
            String query,
            String category,
            String brand,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            BigDecimal minRating,
            Sort sort,
            int page,
            int limit) {}

    /** One page of matching product ids in order, the total number of matches, and the facets. */
    record SearchHits(List<UUID> productIds, long total, Facets facets) {}

    /**
     * Counts per category, brand and price range. Each facet's counts apply every filter except its own, so a
     * client can show how many results picking another value would give. With query text, when at least {@link
     * dev.bazaar.search.internal.relevance.RelevanceRules#MIN_EVERY_WORD_MATCHES_FOR_FACETS} products (under every
     * filter) match all of its words, exactly or within the typo allowance, the counts cover only those: the
     * results a shopper sees first; otherwise every product matching any word.
     *
     * <p>Counting is bounded: when more than {@link
     * dev.bazaar.search.internal.relevance.RelevanceRules#FACET_EXACT_LIMIT} products are to be counted for a facet,
     * the counts come from a sample of about that many and are scaled up, and {@code estimated} says so.
     */
    record Facets(
            List<FacetCount> categories,
            List<PriceRangeCount> priceRanges,
            List<FacetCount> brands,
            boolean estimated) {

        /** No facets: not counted, or the database fallback answered. */
        public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), false);
    }

    record FacetCount(String value, String label, long count) {}

    /** Products priced in [from, to); {@code to} is null for the open-ended top range. */
    record PriceRangeCount(BigDecimal from, BigDecimal to, long count) {}

    record Suggestion(String text, UUID productId, long popularity) {}
}
