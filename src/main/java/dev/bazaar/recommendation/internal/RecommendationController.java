package dev.bazaar.recommendation.internal;

import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
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
@Tag(
        name = "Recommendations",
        description = "Personal, popular and similar products, and products frequently bought together")
class RecommendationController {

    private final FrequentlyBoughtTogether boughtTogether;
    private final RecommendationService service;
    private final RecommendationRefresher refresher;

    RecommendationController(
            FrequentlyBoughtTogether boughtTogether, RecommendationService service, RecommendationRefresher refresher) {
        this.boughtTogether = boughtTogether;
        this.service = service;
        this.refresher = refresher;
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
            description = "personalized (the blend of every algorithm), collaborative, content-based: the signed-in "
                    + "user's list, never what they bought or have in the cart, refreshed within seconds of new "
                    + "behaviour; a visitor or a new user gets the popular list. popular: optionally within a "
                    + "category (slug). similar: products like productId. Every item has a score and a reason.")
    ApiResponse<RecommendationViews.Recommendations> recommendations(
            @RequestParam(defaultValue = "personalized") @Parameter(example = "personalized") String type,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
            @RequestParam(required = false) UUID productId,
            @RequestParam(required = false) String category) {
        RecommendationType requested = RecommendationType.of(type)
                .orElseThrow(() -> DomainException.invalidRequest(
                        "VALIDATION_FAILED",
                        "Unsupported recommendation type; supported: " + String.join(", ", RecommendationType.names()),
                        List.of(new ErrorDetail("type", "must be one of " + RecommendationType.names()))));
        return ApiResponse.of(service.recommend(
                CurrentUser.ofCurrentRequest().map(CurrentUser::id),
                requested,
                productId,
                category == null || category.isBlank() ? null : category,
                limit));
    }

    @PostMapping("/admin/recommendations/refresh")
    @Operation(
            summary = "Train the recommendation models and mine the rules again now (ADMIN only)",
            description = "Users' stored lists are recomputed in the background afterwards.")
    ApiResponse<Void> refresh() {
        refresher.retrainNow();
        return ApiResponse.message("Recommendations refreshed");
    }
}
