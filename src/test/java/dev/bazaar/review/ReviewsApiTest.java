package dev.bazaar.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.order.OrderPaid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Reviews through HTTP: writing, editing, voting, listing, verified purchases and the product's summary. */
class ReviewsApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    SignedInUser admin;
    String category;

    @BeforeEach
    void createCategory() {
        admin = signInAsAdmin();
        category = store.category(admin, "Reviewed things", null);
    }

    @Test
    void aUserReviewsAProductOnceAndItsDetailsShowTheReviewAndSummary() {
        String product = product("Reviewed Kettle");
        SignedInUser user = registerCustomer();
        // warm the product cache: the summary must not be served stale from it afterwards
        assertThat(details(product).path("reviewCount").asInt()).isZero();

        Api.Response created = review(user, product, 4, "Boils fast.");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode review = created.data();
        assertThat(review.path("id").asString()).isNotBlank();
        assertThat(review.path("productId").asString()).isEqualTo(product);
        assertThat(review.path("author").path("id").asString())
                .isEqualTo(user.id().toString());
        assertThat(review.path("author").path("name").asString()).isEqualTo("Test Customer");
        assertThat(review.path("rating").asInt()).isEqualTo(4);
        assertThat(review.path("comment").asString()).isEqualTo("Boils fast.");
        assertThat(review.path("helpfulCount").asInt()).isZero();
        assertThat(review.path("verifiedPurchase").asBoolean()).isFalse();
        assertThat(review.path("createdAt").asString()).isNotBlank();
        assertThat(review.path("updatedAt").asString()).isNotBlank();

        Api.Response again = review(user, product, 1, "Changed my mind");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.error().path("code").asString()).isEqualTo("REVIEW_EXISTS");
        assertThat(storedReviews(product)).isEqualTo(1);

        SignedInUser other = registerCustomer();
        assertThat(review(other, product, 5, null).status()).isEqualTo(201);

        JsonNode details = details(product);
        assertThat(details.path("reviewCount").asInt()).isEqualTo(2);
        assertThat(details.path("rating").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(details.path("reviews")).hasSize(2);
        assertThat(details.path("reviews").get(0).path("rating").asInt()).isEqualTo(5); // newest first
        assertThat(details.path("reviews").get(0).path("comment").isNull()).isTrue();
        assertThat(details.path("reviews").get(1).path("id").asString())
                .isEqualTo(review.path("id").asString());
        assertThat(histogram(details)).isEqualTo(Map.of("1", 0L, "2", 0L, "3", 0L, "4", 1L, "5", 1L));
        // listings show the new summary too (their cache was cleared)
        JsonNode listed = api.get("/api/v1/products?category=" + category, null)
                .data()
                .path("products")
                .get(0);
        assertThat(listed.path("reviewCount").asInt()).isEqualTo(2);
        assertThat(listed.path("rating").decimalValue()).isEqualByComparingTo("4.50");
    }

    @Test
    void productDetailsShowTheFiveNewestReviewsAndTheWholeHistogram() {
        String product = product("Popular Lamp");
        int[] ratings = {5, 3, 5, 1, 4, 5};
        for (int rating : ratings) {
            assertThat(review(registerCustomer(), product, rating, "Rated " + rating)
                            .status())
                    .isEqualTo(201);
        }
        JsonNode details = details(product);
        assertThat(details.path("reviewCount").asInt()).isEqualTo(6);
        assertThat(details.path("rating").decimalValue()).isEqualByComparingTo("3.83"); // 23 / 6 = 3.8333
        assertThat(details.path("reviews")
                        .valueStream()
                        .map(r -> r.path("comment").asString()))
                .containsExactly("Rated 5", "Rated 4", "Rated 1", "Rated 5", "Rated 3");
        assertThat(histogram(details)).isEqualTo(Map.of("1", 1L, "2", 0L, "3", 1L, "4", 1L, "5", 3L));
        assertThat(details.path("ratingHistogram").propertyNames()).containsExactly("1", "2", "3", "4", "5");

        JsonNode unreviewed = details(product("Unreviewed Lamp"));
        assertThat(unreviewed.path("reviews")).isEmpty();
        assertThat(histogram(unreviewed)).isEqualTo(Map.of("1", 0L, "2", 0L, "3", 0L, "4", 0L, "5", 0L));
    }

    @Test
    void invalidReviewsAreRejectedAndNothingIsStored() {
        String product = product("Fragile Vase");
        SignedInUser user = registerCustomer();
        String path = "/api/v1/products/" + product + "/reviews";
        List<String> bodies = List.of(
                "{\"rating\": 0}",
                "{\"rating\": 6}",
                "{\"rating\": -1}",
                "{\"rating\": \"five\"}",
                "{\"rating\": 4.5}",
                "{\"rating\": null}",
                "{\"comment\": \"no rating\"}",
                "{\"rating\": 4, \"comment\": \"" + "x".repeat(5_001) + "\"}",
                // the server's fields: no client sets them
                "{\"rating\": 4, \"author\": {\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"Someone\"}}",
                "{\"rating\": 4, \"userId\": \"" + UUID.randomUUID() + "\"}",
                "{\"rating\": 4, \"helpfulCount\": 100}",
                "{\"rating\": 4, \"verifiedPurchase\": true}",
                "{\"rating\": 4, \"id\": \"" + UUID.randomUUID() + "\"}",
                "{\"rating\": 4, \"productId\": \"" + UUID.randomUUID() + "\"}",
                "{\"rating\": 4, \"createdAt\": \"2020-01-01T00:00:00Z\"}",
                "not json");
        for (String body : bodies) {
            Api.Response response = api.send("POST", path, user.accessToken(), "application/json", body, Map.of());
            assertThat(response.status())
                    .as(body.length() > 100 ? "5,001 characters" : body)
                    .isEqualTo(400);
        }
        assertThat(api.post(path, Map.of("rating", 4), null).status()).isEqualTo(401);
        assertThat(storedReviews(product)).isZero();
        assertThat(details(product).path("reviewCount").asInt()).isZero();

        // 5,000 characters is the limit, not beyond it
        Api.Response longest = review(user, product, 4, "y".repeat(5_000));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
        assertThat(longest.data().path("comment").asString()).hasSize(5_000);

        String reviewId = longest.data().path("id").asString();
        Api.Response badEdit =
                api.put("/api/v1/reviews/" + reviewId, Map.of("rating", 4, "helpfulCount", 50), user.accessToken());
        assertThat(badEdit.status()).isEqualTo(400);
        assertThat(api.put("/api/v1/reviews/" + reviewId, Map.of("rating", 0), user.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/reviews/" + reviewId, Map.of("comment", "z".repeat(5_001)), user.accessToken())
                        .status())
                .isEqualTo(400);
        JsonNode stored = list(product, "").path("reviews").get(0);
        assertThat(stored.path("helpfulCount").asInt()).isZero();
        assertThat(stored.path("comment").asString()).hasSize(5_000);
    }

    @Test
    void unknownAndInactiveProductsHaveNoReviews() {
        SignedInUser user = registerCustomer();
        String unknown = UUID.randomUUID().toString();
        assertThat(review(user, unknown, 5, "ghost").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/products/" + unknown + "/reviews", null).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/products/not-a-uuid/reviews", null).status())
                .isEqualTo(400);

        String product = product("Discontinued Radio");
        assertThat(review(user, product, 3, "fine").status()).isEqualTo(201);
        assertThat(api.delete("/api/v1/products/" + product, admin.accessToken())
                        .status())
                .isEqualTo(200);
        Api.Response onInactive = review(registerCustomer(), product, 5, "late");
        assertThat(onInactive.status()).isEqualTo(404);
        assertThat(onInactive.error().path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/products/" + product + "/reviews", null).status())
                .isEqualTo(404);
        assertThat(storedReviews(product)).isEqualTo(1);
    }

    @Test
    void authorsEditAndDeleteTheirOwnReviewsOnly() {
        String product = product("Shared Toaster");
        SignedInUser author = registerCustomer();
        SignedInUser stranger = registerCustomer();
        SignedInUser seller = registerCustomer();
        JsonNode created = review(author, product, 5, "Perfect toast").data();
        String id = created.path("id").asString();
        String path = "/api/v1/reviews/" + id;

        // someone else's review does not exist for them
        assertThat(api.put(path, Map.of("rating", 1), stranger.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.delete(path, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete(path, seller.accessToken()).status()).isEqualTo(404);
        assertThat(api.put(path, Map.of("rating", 1), null).status()).isEqualTo(401);
        assertThat(api.delete(path, null).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/reviews/" + UUID.randomUUID(), Map.of("rating", 1), author.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(list(product, "").path("reviews").get(0).path("rating").asInt())
                .isEqualTo(5);

        Api.Response edited = api.put(path, Map.of("rating", 2, "comment", "Burns bread"), author.accessToken());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.data().path("rating").asInt()).isEqualTo(2);
        assertThat(edited.data().path("comment").asString()).isEqualTo("Burns bread");
        assertThat(edited.data().path("createdAt").asString())
                .isEqualTo(created.path("createdAt").asString());
        assertThat(Instant.parse(edited.data().path("updatedAt").asString()))
                .isAfter(Instant.parse(created.path("updatedAt").asString()));
        assertThat(details(product).path("rating").decimalValue()).isEqualByComparingTo("2.00");

        // fields left out keep their value; an empty comment removes it
        Api.Response commentOnly = api.put(path, Map.of("comment", "  "), author.accessToken());
        assertThat(commentOnly.status()).isEqualTo(200);
        assertThat(commentOnly.data().path("rating").asInt()).isEqualTo(2);
        assertThat(commentOnly.data().path("comment").isNull()).isTrue();

        assertThat(api.delete(path, author.accessToken()).status()).isEqualTo(200);
        assertThat(api.delete(path, author.accessToken()).status()).isEqualTo(404);
        assertThat(list(product, "").path("reviews")).isEmpty();
        JsonNode details = details(product);
        assertThat(details.path("reviewCount").asInt()).isZero();
        assertThat(details.path("rating").decimalValue()).isEqualByComparingTo("0");
        // having deleted it, the author may review the product again
        assertThat(review(author, product, 3, "Second opinion").status()).isEqualTo(201);
    }

    @Test
    void adminsDeleteAnyReview() {
        String product = product("Contested Chair");
        JsonNode kept = review(registerCustomer(), product, 5, "Comfy").data();
        JsonNode removed =
                review(registerCustomer(), product, 1, "Spam spam spam").data();
        assertThat(details(product).path("rating").decimalValue()).isEqualByComparingTo("3.00");

        assertThat(api.put(
                                "/api/v1/reviews/" + removed.path("id").asString(),
                                Map.of("comment", "edited by admin"),
                                admin.accessToken())
                        .status())
                .isEqualTo(404); // admins delete reviews, they do not rewrite them
        Api.Response deleted =
                api.delete("/api/v1/reviews/" + removed.path("id").asString(), admin.accessToken());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        JsonNode details = details(product);
        assertThat(details.path("reviewCount").asInt()).isEqualTo(1);
        assertThat(details.path("rating").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(details.path("reviews").valueStream().map(r -> r.path("id").asString()))
                .containsExactly(kept.path("id").asString());
    }

    @Test
    void aReviewIsMarkedHelpfulOncePerUserAndNeverByItsAuthor() {
        String product = product("Useful Knife");
        SignedInUser author = registerCustomer();
        String id = review(author, product, 4, "Sharp").data().path("id").asString();
        String path = "/api/v1/reviews/" + id + "/helpful";

        Api.Response first = api.post(path, null, registerCustomer().accessToken());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("helpfulCount").asInt()).isEqualTo(1);

        SignedInUser voter = registerCustomer();
        assertThat(api.post(path, null, voter.accessToken())
                        .data()
                        .path("helpfulCount")
                        .asInt())
                .isEqualTo(2);
        Api.Response twice = api.post(path, null, voter.accessToken());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.error().path("code").asString()).isEqualTo("ALREADY_VOTED");

        Api.Response own = api.post(path, null, author.accessToken());
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.error().path("code").asString()).isEqualTo("OWN_REVIEW");

        assertThat(api.post(path, null, null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/reviews/" + UUID.randomUUID() + "/helpful", null, voter.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(list(product, "").path("reviews").get(0).path("helpfulCount").asInt())
                .isEqualTo(2);
    }

    @Test
    void listsReviewsByNewestHelpfulnessOrRatingInPages() {
        String product = product("Sorted Speaker");
        List<String> ids = new ArrayList<>();
        int[] ratings = {3, 5, 1, 4};
        for (int rating : ratings) {
            ids.add(review(registerCustomer(), product, rating, "Rated " + rating)
                    .data()
                    .path("id")
                    .asString());
        }
        // helpful votes: the 1-star review 3, the 3-star review 1, the others none
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(
                                    "/api/v1/reviews/" + ids.get(2) + "/helpful",
                                    null,
                                    registerCustomer().accessToken())
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.post(
                                "/api/v1/reviews/" + ids.get(0) + "/helpful",
                                null,
                                registerCustomer().accessToken())
                        .status())
                .isEqualTo(200);

        assertThat(ratings(list(product, ""))).containsExactly(4, 1, 5, 3);
        assertThat(ratings(list(product, "sort=newest"))).containsExactly(4, 1, 5, 3);
        assertThat(ratings(list(product, "sort=helpful"))).containsExactly(1, 3, 4, 5);
        assertThat(ratings(list(product, "sort=rating"))).containsExactly(5, 4, 3, 1);

        JsonNode second = list(product, "sort=rating&limit=3&page=2");
        assertThat(ratings(second)).containsExactly(1);
        assertThat(second.path("pagination").path("page").asInt()).isEqualTo(2);
        assertThat(second.path("pagination").path("limit").asInt()).isEqualTo(3);
        assertThat(second.path("pagination").path("total").asLong()).isEqualTo(4);
        assertThat(second.path("pagination").path("totalPages").asInt()).isEqualTo(2);
        assertThat(ratings(list(product, "sort=rating&limit=3&page=1"))).containsExactly(5, 4, 3);
        assertThat(list(product, "limit=2&page=3").path("reviews")).isEmpty();

        for (String query : List.of(
                "sort=best",
                "sort=",
                "sort=RATING",
                "limit=101",
                "limit=0",
                "limit=-5",
                "page=0",
                "page=abc",
                "limit=ten")) {
            Api.Response response = api.get("/api/v1/products/" + product + "/reviews?" + query, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.error().path("code").asString()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(list(product, "limit=100").path("reviews")).hasSize(4);
    }

    @Test
    void aPaidOrderMakesItsBuyersReviewsVerifiedOnceEvenIfDeliveredAgain() {
        String reviewedFirst = product("Bought Then Reviewed Earlier");
        String reviewedAfter = product("Bought Then Reviewed Later");
        String notBought = product("Never Bought");
        SignedInUser buyer = registerCustomer();
        SignedInUser browser = registerCustomer();

        assertThat(review(buyer, reviewedFirst, 5, "Reviewed before paying")
                        .data()
                        .path("verifiedPurchase")
                        .asBoolean())
                .isFalse();
        assertThat(review(buyer, notBought, 2, "Only looked at it").status()).isEqualTo(201);
        assertThat(review(browser, reviewedFirst, 3, "Did not buy").status()).isEqualTo(201);

        OrderPaid paid = new OrderPaid(
                UUID.randomUUID(),
                buyer.id(),
                List.of(UUID.fromString(reviewedFirst), UUID.fromString(reviewedAfter)),
                Instant.now());
        publishInTransaction(paid);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(verifiedByAuthor(reviewedFirst).get(buyer.id()))
                        .isTrue());
        assertThat(verifiedByAuthor(reviewedFirst).get(browser.id())).isFalse();
        assertThat(verifiedByAuthor(notBought).get(buyer.id())).isFalse();

        // a review written after the purchase is verified from the start
        Api.Response later = review(buyer, reviewedAfter, 4, "Bought it, like it");
        assertThat(later.data().path("verifiedPurchase").asBoolean()).isTrue();

        // the event publication log may deliver an event again: the purchase still counts once
        publishInTransaction(paid);
        await().atMost(Duration.ofSeconds(20)).until(() -> timesHandled(paid) == 2);
        assertThat(jdbc.sql("SELECT count(*) FROM review_purchases WHERE user_id = :user")
                        .param("user", buyer.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(storedReviews(reviewedFirst)).isEqualTo(2);
        assertThat(details(reviewedFirst)
                        .path("reviews")
                        .valueStream()
                        .filter(r -> r.path("verifiedPurchase").asBoolean())
                        .map(r -> r.path("author").path("id").asString()))
                .containsExactly(buyer.id().toString());
    }

    @Test
    void concurrentReviewsLeaveAnExactRatingSummary() throws Exception {
        String product = product("Hyped Headphones");
        int reviewers = 20;
        List<SignedInUser> users = new ArrayList<>();
        for (int i = 0; i < reviewers; i++) {
            users.add(registerCustomer());
        }
        int[] ratings = new int[reviewers];
        int sum = 0;
        for (int i = 0; i < reviewers; i++) {
            ratings[i] = (i * 7 % 5) + 1;
            sum += ratings[i];
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(reviewers)) {
            for (int i = 0; i < reviewers; i++) {
                SignedInUser user = users.get(i);
                int rating = ratings[i];
                statuses.add(pool.submit(() -> {
                    start.await();
                    return review(user, product, rating, "Concurrent " + rating).status();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }
        BigDecimal expected = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(reviewers), 2, RoundingMode.HALF_UP);
        JsonNode details = details(product);
        assertThat(details.path("reviewCount").asInt()).isEqualTo(reviewers);
        assertThat(details.path("rating").decimalValue()).isEqualByComparingTo(expected);
        Map<String, Object> stored = jdbc.sql("SELECT rating, review_count FROM products WHERE id = :id")
                .param("id", UUID.fromString(product))
                .query()
                .singleRow();
        assertThat((BigDecimal) stored.get("rating")).isEqualByComparingTo(expected);
        assertThat(stored.get("review_count")).isEqualTo(reviewers);
        long histogramTotal =
                histogram(details).values().stream().mapToLong(Long::longValue).sum();
        assertThat(histogramTotal).isEqualTo(reviewers);
    }

    @Test
    void commentsAreStoredAsPlainTextAndCannotInjectMarkup() {
        String product = product("Scripted Mug");
        Map<String, Object> register = Map.of(
                "email", "markup-" + UUID.randomUUID() + "@example.com",
                "name", "<img src=x onerror=alert(1)>",
                "password", "long enough password " + UUID.randomUUID());
        Api.Response registered = api.post("/api/v1/auth/register", register, null);
        assertThat(registered.status()).isEqualTo(202);
        String token = signIn((String) register.get("email"), (String) register.get("password"))
                .accessToken();

        String markup = "<script>alert('x')</script> & \"quoted\" </textarea>";
        String typed = "  " + markup + "\r\nsecond line" + (char) 0 + (char) 7 + "\ttabbed\u2028end  ";
        Api.Response created =
                api.post("/api/v1/products/" + product + "/reviews", Map.of("rating", 3, "comment", typed), token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String expected = markup + "\nsecond line\ttabbed\u2028end";

        for (Api.Response response : List.of(
                created,
                api.get("/api/v1/products/" + product + "/reviews", null),
                api.get("/api/v1/products/" + product, null))) {
            // a JSON parser reads exactly the text the user wrote (minus the control characters) ...
            JsonNode review = response.data().has("reviews")
                    ? response.data().path("reviews").get(0)
                    : response.data();
            assertThat(review.path("comment").asString()).isEqualTo(expected);
            assertThat(review.path("author").path("name").asString()).isEqualTo("<img src=x onerror=alert(1)>");
            // ... but the body itself carries no markup that an HTML page could interpret
            String body = response.body();
            assertThat(body).contains("\\u003cscript\\u003ealert(\\u0027x\\u0027)\\u003c/script\\u003e \\u0026");
            assertThat(body).contains("\\u003cimg src=x onerror=alert(1)\\u003e");
            assertThat(body).contains("tabbed\\u2028end");
            assertThat(body).doesNotContain("<script", "</script", "<img", "</textarea", "'x'");
        }
        assertThat(jdbc.sql("SELECT comment FROM reviews WHERE product_id = :id")
                        .param("id", UUID.fromString(product))
                        .query(String.class)
                        .single())
                .isEqualTo(expected);
    }

    private String product(String title) {
        return newProduct(admin, category, title, "19.99", 5);
    }

    private Api.Response review(SignedInUser user, String product, int rating, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        if (comment != null) {
            body.put("comment", comment);
        }
        return api.post("/api/v1/products/" + product + "/reviews", body, user.accessToken());
    }

    private JsonNode details(String product) {
        Api.Response response = api.get("/api/v1/products/" + product, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private JsonNode list(String product, String query) {
        Api.Response response = api.get("/api/v1/products/" + product + "/reviews?" + query, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private static List<Integer> ratings(JsonNode page) {
        return page.path("reviews")
                .valueStream()
                .map(r -> r.path("rating").asInt())
                .toList();
    }

    private static Map<String, Long> histogram(JsonNode details) {
        Map<String, Long> histogram = new HashMap<>();
        details.path("ratingHistogram")
                .properties()
                .forEach(entry -> histogram.put(entry.getKey(), entry.getValue().asLong()));
        return histogram;
    }

    private Map<UUID, Boolean> verifiedByAuthor(String product) {
        Map<UUID, Boolean> verified = new HashMap<>();
        list(product, "limit=100")
                .path("reviews")
                .forEach(r -> verified.put(
                        UUID.fromString(r.path("author").path("id").asString()),
                        r.path("verifiedPurchase").asBoolean()));
        return verified;
    }

    private long storedReviews(String product) {
        return jdbc.sql("SELECT count(*) FROM reviews WHERE product_id = :id")
                .param("id", UUID.fromString(product))
                .query(Long.class)
                .single();
    }
}
