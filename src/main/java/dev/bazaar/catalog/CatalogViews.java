package dev.bazaar.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.platform.Money;
import dev.bazaar.platform.web.Pagination;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/** Response bodies of the catalog endpoints, in the design's shapes. */
public final class CatalogViews {

    private CatalogViews() {}

    public record ProductPage(List<ProductCard> products, Pagination pagination) {}

    /** In JSON the price is {@code "price": 999.99, "currency": "USD"}, as the design publishes it. */
    public record ProductDetails(
            UUID id,
            String title,
            String description,
            @JsonSerialize(using = Money.AmountJson.class) Money price,
            CategoryLink category,
            List<CategoryLink> categoryPath,
            String brand,
            int stock,
            boolean inStock,
            BigDecimal rating,
            int reviewCount,
            List<String> imageUrls,
            Map<String, Object> specifications,
            UUID sellerId,
            String sku,
            boolean active,
            List<?> reviews,
            Map<Integer, Long> ratingHistogram,
            List<ProductCard> relatedProducts,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        /** Reads the published shape back (product details are cached as JSON). */
        @JsonCreator
        static ProductDetails fromJson(
                @JsonProperty("id") UUID id,
                @JsonProperty("title") String title,
                @JsonProperty("description") String description,
                @JsonProperty("price") BigDecimal price,
                @JsonProperty("currency") String currency,
                @JsonProperty("category") CategoryLink category,
                @JsonProperty("categoryPath") List<CategoryLink> categoryPath,
                @JsonProperty("brand") String brand,
                @JsonProperty("stock") int stock,
                @JsonProperty("inStock") boolean inStock,
                @JsonProperty("rating") BigDecimal rating,
                @JsonProperty("reviewCount") int reviewCount,
                @JsonProperty("imageUrls") List<String> imageUrls,
                @JsonProperty("specifications") Map<String, Object> specifications,
                @JsonProperty("sellerId") UUID sellerId,
                @JsonProperty("sku") String sku,
                @JsonProperty("active") boolean active,
                @JsonProperty("reviews") List<?> reviews,
                @JsonProperty("ratingHistogram") Map<Integer, Long> ratingHistogram,
                @JsonProperty("relatedProducts") List<ProductCard> relatedProducts,
                @JsonProperty("createdAt") OffsetDateTime createdAt,
                @JsonProperty("updatedAt") OffsetDateTime updatedAt) {
            return new ProductDetails(
                    id,
                    title,
                    description,
                    Money.of(price, currency),
                    category,
                    categoryPath,
                    brand,
                    stock,
                    inStock,
                    rating,
                    reviewCount,
                    imageUrls,
                    specifications,
                    sellerId,
                    sku,
                    active,
                    reviews,
                    ratingHistogram,
                    relatedProducts,
                    createdAt,
                    updatedAt);
        }

        /** The price's currency, the API's {@code "currency"} beside {@code "price"}. */
        @JsonProperty
        public String currency() {
            return price.currency();
        }
    }

    public record CategoryLink(UUID id, String name, String slug) {}

    public record CategoryNode(
            UUID id, String name, String slug, String description, String imageUrl, List<CategoryNode> children) {}

    public record CategoryDetails(
            UUID id,
            String name,
            String slug,
            String description,
            String imageUrl,
            CategoryLink parent,
            List<CategoryLink> path,
            List<CategoryLink> children) {}
}
