package dev.bazaar.search.internal;

import dev.bazaar.platform.DomainException;
import dev.bazaar.search.CatalogSearch;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import java.util.List;
import org.springframework.stereotype.Service;

/** {@link CatalogSearch} over {@link ProductSearch}, in the module's public shapes. */
@Service
class CatalogSearchService implements CatalogSearch {

    private final ProductSearch search;

    CatalogSearchService(ProductSearch search) {
        this.search = search;
    }

    @Override
    public Results search(Query query) {
        if (query.text() != null && query.text().length() > 200) {
            throw DomainException.invalidField("q", "must be at most 200 characters");
        }
        ProductSearch.SearchResults results = search.search(new SearchRequest(
                query.text() == null ? "" : query.text().strip(),
                blankToNull(query.category()),
                blankToNull(query.brand()),
                query.minPrice(),
                query.maxPrice(),
                query.minRating(),
                ProductSearch.sort(blankToNull(query.sort())),
                query.page(),
                query.limit()));
        SearchEngine.Facets facets = results.facets();
        return new Results(
                results.products(),
                results.pagination(),
                facets == null
                        ? new Facets(List.of(), List.of(), List.of(), false)
                        : new Facets(
                                facets.categories().stream()
                                        .map(CatalogSearchService::count)
                                        .toList(),
                                facets.priceRanges().stream()
                                        .map(range -> new PriceRange(range.from(), range.to(), range.count()))
                                        .toList(),
                                facets.brands().stream()
                                        .map(CatalogSearchService::count)
                                        .toList(),
                                facets.estimated()),
                results.degraded(),
                results.didYouMean());
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return search.suggest(prefix.length() > 100 ? prefix.substring(0, 100) : prefix, limit).suggestions().stream()
                .map(suggestion -> new Suggestion(suggestion.text(), suggestion.productId()))
                .toList();
    }

    private static FacetCount count(SearchEngine.FacetCount count) {
        return new FacetCount(count.value(), count.label(), count.count());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
