package dev.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * The search API tests' catalog: each test's products carry an invented word and live in a category tree of their
 * own (Computing, with Laptops and Accessories), so results and facet counts are exactly the test's.
 */
abstract class SearchTestSupport extends IntegrationTest {

    SignedInUser admin;
    String word;
    String root;
    String laptops;
    String accessories;

    @BeforeEach
    void buildCategoryTree() {
        admin = signInAsAdmin();
        word = inventedWord();
        root = store.category(admin, "Computing " + word, null);
        laptops = store.category(admin, "Laptops " + word, root);
        accessories = store.category(admin, "Accessories " + word, root);
    }

    JsonNode product(String title, String description, String price, String category, String brand) {
        return store.product(title, price)
                .description(description)
                .in(category)
                .brand(brand)
                .stock(5)
                .createdBy(admin);
    }

    JsonNode search(String query) {
        Api.Response response = api.get("/api/v1/products/search?" + query, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    static List<String> titles(JsonNode results) {
        return results.path("products")
                .valueStream()
                .map(p -> p.path("title").asString())
                .toList();
    }

    /** A word no dictionary has, so only this test's products match it. */
    private static String inventedWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
