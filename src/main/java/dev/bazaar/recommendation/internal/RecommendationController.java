package dev.bazaar.recommendation.internal;

import dev.bazaar.platform.web.ApiException;
import dev.bazaar.platform.web.ApiResponse;
import dev.bazaar.platform.web.ErrorDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Recommendations", description = "Popular products and products frequently bought together (public)")
class RecommendationController {

    static final List<String> SUPPORTED_TYPES = List.of("popular");

    private final FrequentlyBoughtTogether boughtTogether;
    private final PopularProducts popular;

    RecommendationController(FrequentlyBoughtTogether boughtTogether, PopularProducts popular) {
        this.boughtTogether = boughtTogether;
        this.popular = popular;
    }

    @GetMapping("/products/{productId}/frequently-bought-together")
    @Operation(
            summary = "Products frequently bought with this one",
            description = "Association rules over orders: confidence is the share of this product's orders that "
                    + "also held the other; lift and support as in arules. Empty when no rule passes.")
    ApiResponse<FrequentlyBoughtTogether.Result> boughtTogether(
            @PathVariable UUID productId,
            @RequestParam(defaultValue = "5") @Min(1) @Max(FrequentlyBoughtTogether.MAX_LIMIT) int limit) {
        return ApiResponse.of(boughtTogether.forProduct(productId, limit));
    }

    @GetMapping("/recommendations")
    @Operation(
            summary = "Recommendations of a type",
            description = "type: popular (the only one served so far), optionally within a category (slug).")
    ApiResponse<PopularProducts.Recommendations> recommendations(
            @RequestParam(defaultValue = "popular") @Parameter(example = "popular") String type,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
            @RequestParam(required = false) String category) {
        if (!SUPPORTED_TYPES.contains(type)) {
            throw ApiException.badRequest(
                    "VALIDATION_FAILED",
                    "Unsupported recommendation type; supported: " + String.join(", ", SUPPORTED_TYPES),
                    List.of(new ErrorDetail("type", "must be one of " + SUPPORTED_TYPES)));
        }
        return ApiResponse.of(popular.top(category == null || category.isBlank() ? null : category, limit));
    }

    @PostMapping("/admin/recommendations/refresh")
    @Operation(summary = "Mine the frequently-bought-together rules again now (ADMIN only)")
    ApiResponse<Void> refresh() {
        boughtTogether.refresh();
        return ApiResponse.message("Recommendations refreshed");
    }
}
