package dev.bazaar.bench.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The product page's model, the same records for both engines (simplified from the web module's views). */
public final class Model {

    private Model() {
    }

    public record Crumb(String slug, String name) {
    }

    public record Spec(String key, String value) {
    }

    public record ProductView(long id, String title, String brand, String sku, BigDecimal price, String currency,
                              BigDecimal rating, int reviewCount, String description, List<Crumb> categoryPath,
                              List<Spec> specifications, Map<Integer, Long> ratingHistogram, int stock,
                              boolean active, List<String> imageUrls) {
    }

    public record Card(long id, String title, String category, String imageUrl, BigDecimal rating, int reviewCount,
                       BigDecimal price, String currency, int stock) {
    }

    public record Review(long id, long authorId, String authorName, LocalDate createdAt, int rating, String comment,
                         boolean verifiedPurchase, int helpfulCount) {
    }

    /** Everything the page shows; the Thymeleaf context gets its parts as separate variables, as in the app. */
    public record Page(ProductView product, Card thisCard, List<Card> bundle, BigDecimal bundleTotal,
                       List<Card> alsoBought, List<Card> related, List<Review> reviews, String reviewSort,
                       int cartCount, String q, int lowStock) {
    }
}
