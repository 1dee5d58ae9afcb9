package dev.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Product details are assembled once and cached per product: each test reads them once to cache them, changes what
 * they show through the API, and reads them again, which must show the change at once.
 */
class ProductDetailsCacheTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalog catalog;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "details-cache");
    }

    @Test
    void detailsAreCachedSoAChangeBehindTheCatalogsBackIsNotSeen() {
        String id = newProduct(admin, category, "Cached Kettle", "10.00", 5);
        assertThat(details(id).path("stock").asInt()).isEqualTo(5);

        jdbc.sql("UPDATE inventory_items SET on_hand = 99 WHERE product_id = :id")
                .param("id", UUID.fromString(id))
                .update();

        assertThat(details(id).path("stock").asInt()).isEqualTo(5);
    }

    @Test
    void aNewPriceShowsOnTheNextRead() {
        String id = newProduct(admin, category, "Repriced Kettle", "10.00", 5);
        assertThat(details(id).path("price").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(api.get("/products/" + id, null).body()).contains("10.00");

        Api.Response updated =
                api.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("12.50")), admin.accessToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        // the API's rendered details and the page's assembled ones are cached apart: both must show it
        assertThat(details(id).path("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(api.get("/products/" + id, null).body()).contains("12.50").doesNotContain("10.00");
    }

    @Test
    void aStockChangeShowsOnTheNextRead() {
        String id = newProduct(admin, category, "Restocked Kettle", "10.00", 5);
        assertThat(details(id).path("stock").asInt()).isEqualTo(5);

        Api.Response restocked = api.put(
                "/api/v1/admin/inventory/" + id, Map.of("adjustBy", 7, "reason", "delivery"), admin.accessToken());
        assertThat(restocked.status()).as(restocked.toString()).isEqualTo(200);

        JsonNode after = details(id);
        assertThat(after.path("stock").asInt()).isEqualTo(12);
        assertThat(after.path("inStock").asBoolean()).isTrue();
    }

    @Test
    void aSaleShowsOnTheNextRead() {
        String id = newProduct(admin, category, "Sold Kettle", "10.00", 5);
        assertThat(details(id).path("stock").asInt()).isEqualTo(5);

        orderProducts(registerCustomer(), Map.of(id, 2));

        assertThat(details(id).path("stock").asInt()).isEqualTo(3);
    }

    @Test
    void aNewReviewAnEditedCommentAndAHelpfulVoteShowOnTheNextRead() {
        String id = newProduct(admin, category, "Reviewed Kettle", "10.00", 5);
        assertThat(details(id).path("reviewCount").asInt()).isZero();

        SignedInUser author = registerCustomer();
        Api.Response review = api.post(
                "/api/v1/products/" + id + "/reviews",
                Map.of("rating", 4, "comment", "Boils fast."),
                author.accessToken());
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        String reviewId = review.data().path("id").asString();
        JsonNode reviewed = details(id);
        assertThat(reviewed.path("reviewCount").asInt()).isEqualTo(1);
        assertThat(reviewed.path("rating").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(reviewed.path("ratingHistogram").path("4").asLong()).isEqualTo(1);
        assertThat(reviewed.path("reviews").get(0).path("comment").asString()).isEqualTo("Boils fast.");

        Api.Response edited =
                api.put("/api/v1/reviews/" + reviewId, Map.of("comment", "Boils very fast."), author.accessToken());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(details(id).path("reviews").get(0).path("comment").asString())
                .isEqualTo("Boils very fast.");

        Api.Response voted = api.post(
                "/api/v1/reviews/" + reviewId + "/helpful",
                null,
                registerCustomer().accessToken());
        assertThat(voted.status()).as(voted.toString()).isEqualTo(200);
        assertThat(details(id).path("reviews").get(0).path("helpfulCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void aRenamedCategoryShowsOnTheNextRead() {
        String id = newProduct(admin, category, "Categorised Kettle", "10.00", 5);
        assertThat(details(id).path("category").path("name").asString()).isEqualTo(category);

        Api.Response renamed =
                api.put("/api/v1/categories/" + category, Map.of("name", "Kettles and more"), admin.accessToken());
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        assertThat(details(id).path("category").path("name").asString()).isEqualTo("Kettles and more");
    }

    @Test
    void cardsComeInTheRequestedOrderWithoutUnknownOrInactiveProducts() {
        List<UUID> products = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            products.add(UUID.fromString(newProduct(admin, category, "Card " + i, i + ".00", i)));
        }
        UUID inactive = UUID.fromString(newProduct(admin, category, "Card Gone", "9.00", 9));
        assertThat(api.delete("/api/v1/products/" + inactive, admin.accessToken())
                        .status())
                .isEqualTo(200);
        // some read before (their rows cached), the others not: both halves of the batch
        details(products.get(1).toString());
        details(products.get(4).toString());
        List<UUID> requested = new ArrayList<>(products.reversed());
        requested.add(2, UUID.randomUUID());
        requested.add(4, inactive);

        List<ProductCard> cards = catalog.cards(requested);

        assertThat(cards).extracting(ProductCard::id).containsExactlyElementsOf(products.reversed());
        assertThat(cards).extracting(ProductCard::stock).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(cards)
                .extracting(ProductCard::title)
                .containsExactly("Card 6", "Card 5", "Card 4", "Card 3", "Card 2", "Card 1");
        assertThat(catalog.cards(List.of())).isEmpty();
    }

    private JsonNode details(String id) {
        Api.Response response = api.get("/api/v1/products/" + id, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }
}
