package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogForms.CreateProduct;
import dev.bazaar.catalog.CatalogForms.UpdateProduct;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.catalog.CatalogViews.ProductPage;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.util.RawValue;

@RestController
@RequestMapping(path = "/api/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Products", description = "Browse products; sellers and admins manage them")
class ProductController {

    private final ProductListing listing;
    private final ProductAdministration administration;

    private final ProductViewReporting views;

    ProductController(ProductListing listing, ProductAdministration administration, ProductViewReporting views) {
        this.views = views;
        this.listing = listing;
        this.administration = administration;
    }

    @GetMapping
    @Operation(
            summary = "Active products, filtered and sorted",
            description = "category includes its subcategories. sort: price:asc, price:desc, rating:desc, newest "
                    + "(default: most popular first).")
    ApiResponse<ProductPage> list(
            @RequestParam(required = false) @Size(max = 255) String category,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal minPrice,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal maxPrice,
            @RequestParam(required = false) @Size(max = 255) String brand,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") BigDecimal minRating,
            @RequestParam(required = false) @Parameter(example = "price:asc") String sort,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return ApiResponse.of(listing.list(category, minPrice, maxPrice, brand, minRating, sort, page, limit));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One product with its category, stock, rating, reviews and related products",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "200",
                            description = "OK",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(ref = "#/components/schemas/ApiResponseProductDetails"))))
    ApiResponse<RawValue> details(
            @PathVariable UUID id,
            @RequestHeader(name = "X-Cart-Token", required = false)
                    @Parameter(description = "A guest's cart token: the view then counts for that guest")
                    String cartToken,
            @CookieValue(name = "cart_token", required = false) @Parameter(hidden = true) String cartCookie) {
        Optional<CurrentUser> caller = CurrentUser.ofCurrentRequest();
        RenderedDetails details = administration.renderedDetails(id, caller);
        if (details.active()) {
            views.viewed(id, caller, cartToken != null ? cartToken : cartCookie);
        }
        // the ProductDetails JSON, rendered once per product (ProductAdministration.renderedDetails)
        return ApiResponse.of(new RawValue(details.json()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a product (SELLER or ADMIN); the caller becomes its seller")
    ApiResponse<ProductDetails> create(CurrentUser caller, @Valid @RequestBody CreateProduct request) {
        return ApiResponse.of(administration.create(caller, request));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a product (its seller or an ADMIN); fields left out keep their value")
    ApiResponse<ProductDetails> update(
            CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody UpdateProduct request) {
        return ApiResponse.of(administration.update(caller, id, request));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Deactivate a product (its seller or an ADMIN); it disappears from lists and search")
    ApiResponse<Void> deactivate(CurrentUser caller, @PathVariable UUID id) {
        administration.deactivate(caller, id);
        return ApiResponse.message("Product deactivated");
    }
}
