package dev.bazaar.review.internal;

import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import dev.bazaar.review.internal.ReviewRequests.EditReview;
import dev.bazaar.review.internal.ReviewRequests.SubmitReview;
import dev.bazaar.review.internal.ReviewViews.ReviewPage;
import dev.bazaar.review.internal.ReviewViews.ReviewView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reviews", description = "Product reviews: anyone reads them; signed-in users write and vote")
class ReviewController {

    private final ProductReviews reviews;

    ReviewController(ProductReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/products/{productId}/reviews")
    @Operation(
            summary = "A product's reviews",
            description = "sort: newest (default), helpful (most helpful votes first), rating (highest first).")
    ApiResponse<ReviewPage> list(
            @PathVariable UUID productId,
            @RequestParam(required = false) @Parameter(example = "newest") String sort,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return ApiResponse.of(reviews.list(productId, sort, page, limit));
    }

    @PostMapping(path = "/products/{productId}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Review an active product: 1–5 stars and an optional comment; one review per product")
    ApiResponse<ReviewView> submit(
            CurrentUser caller, @PathVariable UUID productId, @Valid @RequestBody SubmitReview request) {
        return ApiResponse.of(reviews.submit(caller, productId, request));
    }

    @PutMapping(path = "/reviews/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change my review; fields left out keep their value")
    ApiResponse<ReviewView> edit(CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody EditReview request) {
        return ApiResponse.of(reviews.edit(caller, id, request));
    }

    @DeleteMapping("/reviews/{id}")
    @Operation(summary = "Delete my review (an ADMIN may delete any)")
    ApiResponse<Void> delete(CurrentUser caller, @PathVariable UUID id) {
        reviews.delete(caller, id);
        return ApiResponse.message("Review deleted");
    }

    @PostMapping("/reviews/{id}/helpful")
    @Operation(summary = "Mark someone else's review as helpful, once")
    ApiResponse<ReviewView> helpful(CurrentUser caller, @PathVariable UUID id) {
        return ApiResponse.of(reviews.markHelpful(caller, id));
    }
}
