package dev.bazaar.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A product as lists show it (the design's product listing shape): current price and available stock.
 * {@code imageUrl} is the picture a card shows (the thumbnail of the first uploaded image, else the first of
 * {@code imageUrls}; null without any), {@code imageUrls} the product page's pictures in order. In JSON the price
 * is {@code "price": 999.99, "currency": "USD"}, as the design publishes it.
 */
public record ProductCard(
        UUID id,
        String title,
        String description,
        @JsonSerialize(using = Money.AmountJson.class) Money price,
        String category,
        String brand,
        int stock,
        BigDecimal rating,
        int reviewCount,
        List<String> imageUrls,
        Map<String, Object> specifications,
        String imageUrl) {

    /** Reads the published shape back (listings and related products are cached as JSON). */
    @JsonCreator
    static ProductCard fromJson(
            @JsonProperty("id") UUID id,
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency,
            @JsonProperty("category") String category,
            @JsonProperty("brand") String brand,
            @JsonProperty("stock") int stock,
            @JsonProperty("rating") BigDecimal rating,
            @JsonProperty("reviewCount") int reviewCount,
            @JsonProperty("imageUrls") List<String> imageUrls,
            @JsonProperty("specifications") Map<String, Object> specifications,
            @JsonProperty("imageUrl") String imageUrl) {
        return new ProductCard(
                id,
                title,
                description,
                Money.of(price, currency),
                category,
                brand,
                stock,
                rating,
                reviewCount,
                imageUrls,
                specifications,
                imageUrl);
    }

    /** The price's currency, the API's {@code "currency"} beside {@code "price"}. */
    @JsonProperty
    public String currency() {
        return price.currency();
    }
}
