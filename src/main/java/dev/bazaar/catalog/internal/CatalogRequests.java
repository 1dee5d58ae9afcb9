package dev.bazaar.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Request bodies of the catalog endpoints. Only these fields can be set; rating, seller and ids cannot. */
final class CatalogRequests {

    private CatalogRequests() {}

    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String URL = "https?://\\S+";

    record CreateProduct(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20_000) String description,

            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
            BigDecimal price,

            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
            String currency,

            @NotBlank @Size(max = 255) String category,
            @Size(max = 255) String brand,

            @Size(max = 20)
            List<@NotBlank @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL") String>
                    imageUrls,

            @Size(max = 100) Map<String, Object> specifications,
            @Min(0) @Max(1_000_000) Integer stock,
            @Size(max = 64) String sku) {}

    /** Fields left out keep their value. */
    record UpdateProduct(
            @Size(min = 1, max = 500) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String title,

            @Size(max = 20_000) String description,

            @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
            BigDecimal price,

            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
            String currency,

            @Size(min = 1, max = 255) String category,
            @Size(max = 255) String brand,

            @Size(max = 20)
            List<@NotBlank @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL") String>
                    imageUrls,

            @Size(max = 100) Map<String, Object> specifications,
            @Min(0) @Max(1_000_000) Integer stock,
            @Size(max = 64) String sku,
            Boolean active) {}

    record CreateCategory(
            @NotBlank @Size(max = 255) String name,

            @Size(max = 255) @Pattern(regexp = SLUG, message = "must be lowercase words joined by hyphens")
            String slug,

            @Size(max = 255) String parent,
            @Size(max = 5_000) String description,

            @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL")
            String imageUrl) {}

    record UpdateCategory(
            @Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Size(max = 255) @Pattern(regexp = SLUG, message = "must be lowercase words joined by hyphens")
            String slug,

            @Size(max = 5_000) String description,

            @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL")
            String imageUrl) {}

    /**
     * {@code parent} is the new parent's slug, or null to make the category a top-level one. It must be sent:
     * an empty body {@code {}} is a 400, not a move to the top level.
     */
    record MoveCategory(
            @JsonProperty(required = true) @Size(max = 255) String parent) {}
}
