package dev.bazaar.recommendation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A shopper's stored list is replaced whole, also when several replacements of it run at once. */
class UserRecommendationStoreTest extends IntegrationTest {

    @Autowired
    UserRecommendationStore recommendations;

    @Test
    void concurrentReplacementsOfOneListLeaveExactlyOneOfThem() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "stored-lists");
        List<UUID> products = IntStream.range(0, 6)
                .mapToObj(i -> UUID.fromString(newProduct(admin, category, "Listed Lamp " + i, "10.00", 5)))
                .toList();
        UUID shopper = registerCustomer().id();
        List<List<UUID>> lists = IntStream.range(0, 8)
                .mapToObj(i -> i % 2 == 0 ? products.subList(0, 4) : products.subList(2, 6))
                .toList();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Void>> replacements = new ArrayList<>();
        for (List<UUID> list : lists) {
            replacements.add(() -> {
                recommendations.replace(shopper, RecommendationType.PERSONALIZED, stored(list));
                return null;
            });
        }
        for (Future<Void> done : threads.invokeAll(replacements)) {
            done.get(); // a duplicate key would surface here
        }
        threads.shutdown();

        List<UUID> kept = recommendations.find(shopper, RecommendationType.PERSONALIZED).orElseThrow().items().stream()
                .map(StoredRecommendations.Item::productId)
                .toList();
        assertThat(kept).isIn(products.subList(0, 4), products.subList(2, 6));
    }

    private static StoredRecommendations stored(List<UUID> products) {
        return new StoredRecommendations(
                products.stream()
                        .map(id -> new StoredRecommendations.Item(id, 1.0, "test"))
                        .toList(),
                Instant.now());
    }
}
