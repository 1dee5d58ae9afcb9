package dev.bazaar.catalog;

import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What search needs to know about a product. {@code categoryPath} lists the slugs from the root category down
 * to the product's own, so that filtering by a category also finds its subcategories. {@code popularity} is a
 * sales-based rank signal (higher is more popular).
 */
public record IndexableProduct(
        UUID id,
        String title,
        String description,
        String brand,
        Money price,
        BigDecimal rating,
        int reviewCount,
        String categorySlug,
        String categoryName,
        List<String> categoryPath,
        boolean active,
        long popularity,
        Instant createdAt,
        Instant updatedAt) {}
