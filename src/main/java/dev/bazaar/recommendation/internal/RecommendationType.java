package dev.bazaar.recommendation.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code type} of {@code GET /api/v1/recommendations}. */
enum RecommendationType {
    PERSONALIZED("personalized"),
    POPULAR("popular"),
    COLLABORATIVE("collaborative"),
    CONTENT_BASED("content-based"),
    SIMILAR("similar");

    /** The types computed per user and stored in {@code user_recommendations}. */
    static final List<RecommendationType> PER_USER = List.of(PERSONALIZED, COLLABORATIVE, CONTENT_BASED);

    private final String value;

    RecommendationType(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<RecommendationType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(RecommendationType::value).toList();
    }
}
