package dev.bazaar.search.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.Pagination;
import dev.bazaar.search.internal.SearchEngine.Facets;
import dev.bazaar.search.internal.SearchEngine.SearchHits;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.SearchEngine.Sort;
import dev.bazaar.search.internal.SearchEngine.Suggestion;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * Search and autocomplete. A search's hits (ids and total) are cached for 10 minutes under the request, and its
 * facets apart under what they depend on (query text and filters, not the page or sort), both in the {@code search}
 * cache and cleared whenever the index changes: paging or re-sorting a broad query does not count its facets again; the products themselves are read from the
 * catalog on every request, so prices and stock are current.
 *
 * <p>When the engine cannot answer (see {@link SearchEngineGuard}), searches and suggestions come from PostgreSQL
 * full-text search instead ({@link PostgresFullTextSearch}) and say so with {@code degraded: true}; those answers
 * are not cached, so the engine's take over as soon as it is back. The same happens while the index is being
 * built and does not hold the catalog yet ({@link SearchIndexState}): a fresh start must not answer "no hits".
 * While a complete index is being rebuilt, it keeps answering, flagged {@code degraded}.
 */
@Service
class ProductSearch {

    static final String SEARCH_CACHE = "search";

    private final SearchEngineGuard engine;
    private final PostgresFullTextSearch database;
    private final ProductCatalog catalog;
    private final Cache searchCache;
    private final SearchIndexState indexState;
    private final AtomicLong indexChanges = new AtomicLong();

    ProductSearch(
            SearchEngineGuard engine,
            PostgresFullTextSearch database,
            ProductCatalog catalog,
            CacheManager caches,
            SearchIndexState indexState) {
        this.engine = engine;
        this.database = database;
        this.catalog = catalog;
        this.searchCache = caches.getCache(SEARCH_CACHE);
        this.indexState = indexState;
    }

    /** Like Elasticsearch's max_result_window: deeper pages cost more than any shopper needs. */
    static final int MAX_RESULT_WINDOW = 10_000;

    SearchResults search(SearchRequest request) {
        if ((long) request.page() * request.limit() > MAX_RESULT_WINDOW) {
            throw DomainException.invalidField("page", "page × limit must not exceed " + MAX_RESULT_WINDOW);
        }
        if (request.minPrice() != null
                && request.maxPrice() != null
                && request.minPrice().compareTo(request.maxPrice()) > 0) {
            throw DomainException.invalidField("minPrice", "must not be greater than maxPrice");
        }
        SearchHits hits;
        boolean degraded = indexState.rebuilding();
        if (indexState.indexUnusable()) {
            // the index is still being built: an empty or partial index would answer "no hits"
            hits = database.search(request);
            degraded = true;
        } else {
            try {
                hits = cachedHits(request);
            } catch (SearchEngineGuard.EngineUnavailable e) {
                hits = database.search(request);
                degraded = true;
            }
        }
        List<ProductCard> products = catalog.cards(hits.productIds());
        String didYouMean = degraded ? null : didYouMean(request, hits);
        return new SearchResults(
                products,
                Pagination.of(request.page(), request.limit(), hits.total()),
                hits.facets(),
                degraded,
                didYouMean);
    }

    /**
     * A spelling correction of the query from the index's own words, when its first page shows fewer than {@link
     * RelevanceRules#FEW_RESULTS_FOR_DID_YOU_MEAN} products and the corrected query (same filters) finds some.
     * Without a suggestion rather than failing when the engine cannot tell.
     */
    private String didYouMean(SearchRequest request, SearchHits hits) {
        if (request.query() == null
                || request.query().isBlank()
                || request.page() != 1
                || hits.total() >= RelevanceRules.FEW_RESULTS_FOR_DID_YOU_MEAN) {
            return null;
        }
        try {
            String corrected = engine.correctSpelling(request.query());
            if (corrected == null || corrected.equalsIgnoreCase(request.query().strip())) {
                return null;
            }
            SearchHits correctedHits = cachedHits(new SearchRequest(
                    corrected,
                    request.category(),
                    request.brand(),
                    request.minPrice(),
                    request.maxPrice(),
                    request.minRating(),
                    request.sort(),
                    1,
                    request.limit()));
            return correctedHits.total() > 0 ? corrected : null;
        } catch (SearchEngineGuard.EngineUnavailable e) {
            return null;
        }
    }

    Suggestions suggest(String prefix, int limit) {
        if (indexState.indexUnusable()) {
            return new Suggestions(database.suggest(prefix.strip(), limit), true);
        }
        try {
            return new Suggestions(engine.suggest(prefix.strip(), limit), false);
        } catch (SearchEngineGuard.EngineUnavailable e) {
            return new Suggestions(database.suggest(prefix.strip(), limit), true);
        }
    }

    /**
     * Hits and facets from the cache, or from the engine and then cached unless the index changed while searching:
     * a result computed against the old index must not be stored after {@link #evictResults()} cleared it. The
     * engine counts facets only when they are not cached already.
     */
    private SearchHits cachedHits(SearchRequest request) {
        String hitsKey = "query:" + request; // search:query:… in Redis
        String facetsKey = "facets:" + facetScope(request); // search:facets:…
        SearchHits cachedHits = searchCache.get(hitsKey, SearchHits.class);
        Facets cachedFacets = searchCache.get(facetsKey, Facets.class);
        if (cachedHits != null && cachedFacets != null) {
            return new SearchHits(cachedHits.productIds(), cachedHits.total(), cachedFacets);
        }
        long versionBefore = indexChanges.get();
        SearchHits hits = engine.search(request, cachedFacets == null);
        Facets facets = cachedFacets == null ? hits.facets() : cachedFacets;
        if (indexChanges.get() == versionBefore) {
            searchCache.put(hitsKey, new SearchHits(hits.productIds(), hits.total(), Facets.NONE));
            if (cachedFacets == null) {
                searchCache.put(facetsKey, facets);
            }
        }
        return new SearchHits(hits.productIds(), hits.total(), facets);
    }

    /** What a search's facets depend on: its text and filters, not its page, page size or order. */
    private static String facetScope(SearchRequest request) {
        return new SearchRequest(
                        request.query(),
                        request.category(),
                        request.brand(),
                        request.minPrice(),
                        request.maxPrice(),
                        request.minRating(),
                        null,
                        0,
                        0)
                .toString();
    }

    /** Called after every index change: forget cached hits. */
    void evictResults() {
        indexChanges.incrementAndGet();
        searchCache.clear();
    }

    static Sort sort(String parameter) {
        if (parameter == null || parameter.equals("relevance")) {
            return Sort.RELEVANCE;
        }
        return switch (parameter) {
            case "price:asc" -> Sort.PRICE_ASC;
            case "price:desc" -> Sort.PRICE_DESC;
            case "rating:desc" -> Sort.RATING_DESC;
            case "newest" -> Sort.NEWEST;
            default ->
                throw DomainException.invalidField(
                        "sort", "must be one of relevance, price:asc, price:desc, rating:desc, newest");
        };
    }

    /**
     * The design's search response: products, pagination and facets, and whether it came from the database
     * fallback (then facets are empty lists, and there is no typo tolerance). {@code didYouMean}: a spelling
     * correction of the query made of the index's words, offered when the first page has fewer than {@link
     * RelevanceRules#FEW_RESULTS_FOR_DID_YOU_MEAN} products and the correction finds some; null otherwise.
     */
    record SearchResults(
            List<ProductCard> products, Pagination pagination, Facets facets, boolean degraded, String didYouMean) {}

    /** Autocomplete's response; {@code degraded} as for searches. */
    record Suggestions(List<Suggestion> suggestions, boolean degraded) {}
}
