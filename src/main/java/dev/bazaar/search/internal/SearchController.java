package dev.bazaar.search.internal;

import dev.bazaar.platform.web.ApiResponse;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Search", description = "Full-text product search with facets, and autocomplete")
class SearchController {

    private final ProductSearch search;

    SearchController(ProductSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    @Operation(
            summary = "Search products",
            description = "Relevance over title, description, category and brand with typo tolerance; a word no "
                    + "indexed title or description has, written from two that they have (\"phonecase\"), is "
                    + "searched as those two. Facet "
                    + "counts apply every filter except their own; with q, when at least 5 products match every word "
                    + "of it they count only those (the results shown first), else every product matching any word. "
                    + "sort: relevance (default), price:asc, "
                    + "price:desc, rating:desc, newest. degraded: true when the search engine is down and the answer "
                    + "comes from the database (no typo tolerance, empty facets). didYouMean: when page 1 has fewer "
                    + "than 3 products, a spelling correction of q made only of words of the indexed titles and "
                    + "descriptions (each unknown word of 4+ letters replaced by the closest indexed word within 2 "
                    + "edits), given only if it finds products; null otherwise.")
    ApiResponse<ProductSearch.SearchResults> search(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 255) String category,
            @RequestParam(required = false) @Size(max = 255) String brand,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal minPrice,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal maxPrice,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") BigDecimal minRating,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        SearchRequest request = new SearchRequest(
                q == null ? "" : q.strip(),
                blankToNull(category),
                blankToNull(brand),
                minPrice,
                maxPrice,
                minRating,
                ProductSearch.sort(sort),
                page,
                limit);
        return ApiResponse.of(search.search(request));
    }

    @GetMapping("/suggest")
    @Operation(summary = "Autocomplete: completions of what was typed, most popular first, typo-tolerant")
    ApiResponse<ProductSearch.Suggestions> suggest(
            @RequestParam @NotBlank @Size(max = 100) String q,
            @RequestParam(defaultValue = "10") @Min(1) @Max(20) int limit) {
        return ApiResponse.of(search.suggest(q, limit));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
