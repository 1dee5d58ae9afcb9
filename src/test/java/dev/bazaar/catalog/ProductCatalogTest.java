package dev.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.StoreFixture;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Browsing and managing products through HTTP. */
class ProductCatalogTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    SignedInUser admin;
    String root;
    String laptops;
    String phones;

    @BeforeEach
    void buildCatalog() {
        admin = signInAsAdmin();
        root = store.category(admin, "Electronics", null);
        String computers = store.category(admin, "Computers", root);
        laptops = store.category(admin, "Laptops", computers);
        phones = store.category(admin, "Phones", root);
    }

    @Test
    void listsACategoryWithItsSubcategoriesFilteredAndSorted() {
        product("Budget Laptop", "300.00", laptops, "Acme", 5);
        product("Pro Laptop", "1500.00", laptops, "Zeta", 2);
        product("Basic Phone", "99.99", phones, "Acme", 10);
        product("Flagship Phone", "999.99", phones, "acme", 0);

        assertThat(titles(list("category=" + root + "&sort=price:asc")))
                .containsExactly("Basic Phone", "Budget Laptop", "Flagship Phone", "Pro Laptop");
        assertThat(titles(list("category=" + root + "&sort=price:desc")))
                .containsExactly("Pro Laptop", "Flagship Phone", "Budget Laptop", "Basic Phone");
        assertThat(titles(list("category=" + laptops))).containsExactlyInAnyOrder("Budget Laptop", "Pro Laptop");
        // bounds are inclusive
        assertThat(titles(list("category=" + root + "&minPrice=99.99&maxPrice=300&sort=price:asc")))
                .containsExactly("Basic Phone", "Budget Laptop");
        // brand matches in any letter case
        assertThat(titles(list("category=" + root + "&brand=ACME&sort=price:asc")))
                .containsExactly("Basic Phone", "Budget Laptop", "Flagship Phone");
        assertThat(titles(list("category=" + root + "&sort=newest")).getFirst()).isEqualTo("Flagship Phone");
    }

    @Test
    void filtersAndSortsByRating() {
        JsonNode good = product("Good Phone", "100.00", phones, "Acme", 1);
        JsonNode great = product("Great Phone", "100.00", phones, "Acme", 1);
        product("Unrated Phone", "100.00", phones, "Acme", 1);
        // ratings are maintained by the review module; set them as it would
        setRating(good, "3.50", 10);
        setRating(great, "4.80", 3);
        assertThat(titles(list("category=" + phones + "&sort=rating:desc")))
                .containsExactly("Great Phone", "Good Phone", "Unrated Phone");
        assertThat(titles(list("category=" + phones + "&minRating=3.5&sort=rating:desc")))
                .containsExactly("Great Phone", "Good Phone");
    }

    @Test
    void paginatesWithTotals() {
        for (int i = 1; i <= 5; i++) {
            product("Phone " + i, i + "0.00", phones, "Acme", 1);
        }
        JsonNode first = list("category=" + phones + "&sort=price:asc&limit=2&page=1");
        assertThat(titles(first)).containsExactly("Phone 1", "Phone 2");
        assertThat(first.path("pagination").path("page").asInt()).isEqualTo(1);
        assertThat(first.path("pagination").path("limit").asInt()).isEqualTo(2);
        assertThat(first.path("pagination").path("total").asLong()).isEqualTo(5);
        assertThat(first.path("pagination").path("totalPages").asInt()).isEqualTo(3);
        assertThat(titles(list("category=" + phones + "&sort=price:asc&limit=2&page=3")))
                .containsExactly("Phone 5");
        JsonNode beyond = list("category=" + phones + "&sort=price:asc&limit=2&page=4");
        assertThat(beyond.path("products")).isEmpty();
        assertThat(beyond.path("pagination").path("total").asLong()).isEqualTo(5);
    }

    @Test
    void paginatesAParentCategoryAcrossItsSubcategoriesInOneOrder() {
        for (int i = 1; i <= 3; i++) {
            product("Laptop " + i, (i * 2) + "00.00", laptops, "Acme", 1); // 200, 400, 600
            product("Phone " + i, (i * 2 - 1) + "00.00", phones, "Acme", 1); // 100, 300, 500
        }
        assertThat(titles(list("category=" + root + "&sort=price:asc&limit=2&page=2")))
                .containsExactly("Phone 2", "Laptop 2");
        assertThat(titles(list("category=" + root + "&sort=price:desc&limit=4&page=2")))
                .containsExactly("Laptop 1", "Phone 1");
        assertThat(list("category=" + root + "&limit=4&page=2")
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(6);
    }

    @Test
    void rejectsBadListingParameters() {
        for (String query : List.of(
                "limit=101",
                "limit=0",
                "page=0",
                "page=501&limit=20",
                "sort=cheapest",
                "minPrice=abc",
                "minPrice=-1",
                "minRating=6",
                "minPrice=10&maxPrice=5",
                "category=no-such-category-" + UUID.randomUUID())) {
            Api.Response response = api.get("/api/v1/products?" + query, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.error().path("code").asString()).as(query).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void showsProductDetailsInTheDesignsShape() {
        JsonNode created = product("Detail Laptop", "1234.50", laptops, "Acme", 7);
        Api.Response response = api.get("/api/v1/products/" + created.path("id").asString(), null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode product = response.data();
        assertThat(product.path("title").asString()).isEqualTo("Detail Laptop");
        assertThat(product.path("price").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(product.path("currency").asString()).isEqualTo("USD");
        assertThat(product.path("category").path("slug").asString()).isEqualTo(laptops);
        assertThat(product.path("categoryPath")).hasSize(3);
        assertThat(product.path("stock").asInt()).isEqualTo(7);
        assertThat(product.path("rating").decimalValue()).isEqualByComparingTo("0");
        assertThat(product.path("reviewCount").asInt()).isZero();
        assertThat(product.path("specifications").path("colour").asString()).isEqualTo("black");
        assertThat(product.path("reviews").isArray()).isTrue();
        assertThat(product.path("relatedProducts").isArray()).isTrue();

        assertThat(api.get("/api/v1/products/" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/products/not-a-uuid", null).status()).isEqualTo(400);
    }

    @Test
    void anUpdatedPriceIsVisibleAsSoonAsTheUpdateReturns() {
        JsonNode created = product("Cached Phone", "100.00", phones, "Acme", 3);
        String id = created.path("id").asString();
        // warm the product and listing caches
        assertThat(api.get("/api/v1/products/" + id, null).data().path("price").decimalValue())
                .isEqualByComparingTo("100.00");
        assertThat(list("category=" + phones)
                        .path("products")
                        .get(0)
                        .path("price")
                        .decimalValue())
                .isEqualByComparingTo("100.00");

        Api.Response updated =
                api.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("79.90")), admin.accessToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        assertThat(api.get("/api/v1/products/" + id, null).data().path("price").decimalValue())
                .isEqualByComparingTo("79.90");
        assertThat(list("category=" + phones)
                        .path("products")
                        .get(0)
                        .path("price")
                        .decimalValue())
                .isEqualByComparingTo("79.90");
    }

    @Test
    void sellersManageOnlyTheirOwnProducts() {
        SignedInUser sellerA = store.newSeller(admin);
        SignedInUser sellerB = store.newSeller(admin);
        SignedInUser customer = registerCustomer();

        JsonNode product =
                describedProduct("Seller Phone", "50.00", phones, "Acme", 1).createdBy(sellerA);
        String id = product.path("id").asString();
        assertThat(product.path("sellerId").asString()).isEqualTo(sellerA.id().toString());

        Map<String, Object> change = Map.of("price", new BigDecimal("1.00"));
        assertThat(api.put("/api/v1/products/" + id, change, sellerB.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/products/" + id, sellerB.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/products/" + id, change, customer.accessToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/products/" + id, change, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/products/" + id, null).data().path("price").decimalValue())
                .isEqualByComparingTo("50.00");

        assertThat(api.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("45.00")), sellerA.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("44.00")), admin.accessToken())
                        .status())
                .isEqualTo(200);

        Api.Response byCustomer = api.post(
                "/api/v1/products",
                Map.of("title", "Nope", "price", new BigDecimal("1.00"), "category", phones),
                customer.accessToken());
        assertThat(byCustomer.status()).isEqualTo(403);
    }

    @Test
    void aDeactivatedProductLeavesListingsButItsSellerStillSeesIt() {
        JsonNode product = product("Retired Phone", "20.00", phones, "Acme", 1);
        String id = product.path("id").asString();
        assertThat(api.delete("/api/v1/products/" + id, admin.accessToken()).status())
                .isEqualTo(200);
        assertThat(titles(list("category=" + phones))).doesNotContain("Retired Phone");
        assertThat(api.get("/api/v1/products/" + id, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/products/" + id, admin.accessToken())
                        .data()
                        .path("active")
                        .asBoolean())
                .isFalse();
        assertThat(api.put("/api/v1/products/" + id, Map.of("active", true), admin.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(titles(list("category=" + phones))).contains("Retired Phone");
    }

    @Test
    void clientsCannotSetRatingsSellersOrIdsAndBadBodiesChangeNothing() {
        for (String field : List.of("rating", "reviewCount", "sellerId", "id")) {
            Api.Response response = api.post(
                    "/api/v1/products",
                    Map.of("title", "Sneaky", "price", new BigDecimal("1.00"), "category", phones, field, "5"),
                    admin.accessToken());
            assertThat(response.status()).as(field).isEqualTo(400);
        }
        Api.Response badPrice = api.post(
                "/api/v1/products",
                Map.of("title", "Too precise", "price", new BigDecimal("1.001"), "category", phones),
                admin.accessToken());
        assertThat(badPrice.status()).isEqualTo(400);
        assertThat(badPrice.error().path("details").get(0).path("field").asString())
                .isEqualTo("price");
        Api.Response badCategory = api.post(
                "/api/v1/products",
                Map.of("title", "Lost", "price", new BigDecimal("1.00"), "category", "nowhere-" + UUID.randomUUID()),
                admin.accessToken());
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(list("category=" + phones).path("products")).isEmpty();
    }

    private JsonNode list(String query) {
        Api.Response response = api.get("/api/v1/products?" + query, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private static List<String> titles(JsonNode page) {
        return page.path("products")
                .valueStream()
                .map(p -> p.path("title").asString())
                .toList();
    }

    private void setRating(JsonNode product, String rating, int reviews) {
        jdbc.sql("UPDATE products SET rating = :rating, review_count = :reviews WHERE id = :id")
                .param("rating", new BigDecimal(rating))
                .param("reviews", reviews)
                .param("id", UUID.fromString(product.path("id").asString()))
                .update();
    }

    private JsonNode product(String title, String price, String category, String brand, int stock) {
        return describedProduct(title, price, category, brand, stock).createdBy(admin);
    }

    /** A product with a description and specifications, which its details must show. */
    private StoreFixture.NewProduct describedProduct(
            String title, String price, String category, String brand, int stock) {
        return store.product(title, price)
                .in(category)
                .brand(brand)
                .stock(stock)
                .description("Description of " + title)
                .specifications(Map.of("colour", "black"));
    }
}
