package dev.bazaar.recommendation.internal.algorithms;

import java.math.BigDecimal;

/** What content-based filtering knows of a product: its category, brand and price. */
public record ProductFeatures<I>(I item, String category, String brand, BigDecimal price) {

    public ProductFeatures {
        if (item == null || category == null || brand == null || price == null || price.signum() < 0) {
            throw new IllegalArgumentException("a product needs an id, a category, a brand and a price");
        }
    }
}
