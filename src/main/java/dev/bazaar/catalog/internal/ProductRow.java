package dev.bazaar.catalog.internal;

import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code products}; {@code specifications} is the JSON text of the JSONB column, {@code price} the
 * {@code price} and {@code currency} columns.
 */
record ProductRow(
        UUID id,
        String title,
        String description,
        Money price,
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
