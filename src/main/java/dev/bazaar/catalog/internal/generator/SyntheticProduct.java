package dev.bazaar.catalog.internal.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A generated product. {@code categorySlug} is always a leaf of {@link SyntheticCatalog#categories()};
 * {@code price} and {@code rating} have scale 2; {@code rating} is 0.00 when {@code reviewCount} is 0;
 * {@code specifications} keeps its insertion order.
 */
public record SyntheticProduct(
        String title,
        String description,
        String brand,
        BigDecimal price,
        String currency,
        String categorySlug,
        BigDecimal rating,
        int reviewCount,
        long popularity,
        int stock,
        Instant createdAt,
        Map<String, String> specifications,
        List<String> imageUrls) {}
