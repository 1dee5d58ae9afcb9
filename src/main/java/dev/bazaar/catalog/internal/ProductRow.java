package dev.bazaar.catalog.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A row of {@code products}; {@code specifications} is the JSON text of the JSONB column. */
record ProductRow(
        UUID id,
        String title,
        String description,
        BigDecimal price,
        String currency,
        UUID categoryId,
        String brand,
        BigDecimal rating,
        int reviewCount,
        List<String> imageUrls,
        String thumbnailUrl,
        String specifications,
        UUID sellerId,
        boolean active,
        long popularity,
        String sku,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
