package dev.bazaar.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product as lists show it (the design's product listing shape): current price and available stock.
 * {@code imageUrl} is the picture a card shows (the thumbnail of the first uploaded image, else the first of
 * {@code imageUrls}; null without any), {@code imageUrls} the product page's pictures in order.
 */
public record ProductCard(
        UUID id,
        String title,
        String description,
        BigDecimal price,
        String currency,
        String category,
        String brand,
        int stock,
        BigDecimal rating,
        int reviewCount,
        List<String> imageUrls,
        Map<String, Object> specifications,
        String imageUrl) {}
