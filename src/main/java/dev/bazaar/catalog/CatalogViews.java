package dev.bazaar.catalog;

import dev.bazaar.platform.web.Pagination;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the catalog endpoints, in the design's shapes. */
public final class CatalogViews {

    private CatalogViews() {}

    public record ProductPage(List<ProductCard> products, Pagination pagination) {}

    public record ProductDetails(
            UUID id,
            String title,
            String description,
            BigDecimal price,
            String currency,
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
            OffsetDateTime updatedAt) {}

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
