package dev.bazaar.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import java.util.UUID;

/**
 * The requests of the seed's five operations, the ceiling and checkout, each as a chain that feeds what it needs
 * (product ids, search paths, shoppers' access tokens from the fixture files bench/run.sh wrote) and names its
 * request as the caller says, so that every stage and step gets its own line in Gatling's statistics.
 */
final class ShopRequests {

    /**
     * Keeps the answer's status in the session (checks are evaluated in order, this one always passes), so that the
     * overload pass can tell a shed request (503) from a timeout or an error.
     */
    private static final CheckBuilder STATUS_SEEN = status().saveAs("status");

    private final BenchSettings settings;
    private final FeederBuilder<String> products;
    private final FeederBuilder<String> addable;
    private final FeederBuilder<String> searches;
    private final FeederBuilder<String> listings;

    ShopRequests(BenchSettings settings) {
        this.settings = settings;
        this.products = csv(settings.fixture("products.csv")).random();
        this.addable = csv(settings.fixture("addable.csv")).random();
        this.searches = csv(settings.fixture("searches.csv")).random();
        this.listings = csv(settings.fixture("listings.csv")).random();
    }

    /** Access tokens of one pool of shoppers (cart, add, recommendations, mixed), shared round-robin. */
    FeederBuilder<String> shoppers(String pool) {
        return csv(settings.fixture("shoppers-" + pool + ".csv")).circular();
    }

    /** The same pool, each shopper once: for the reset before a stage. */
    FeederBuilder<String> eachShopper(String pool) {
        return csv(settings.fixture("shoppers-" + pool + ".csv")).queue();
    }

    ChainBuilder ping(String name) {
        return exec(http(name).get("/api/v1/ping").check(STATUS_SEEN, status().is(200)));
    }

    /** The same endpoint on the bare Spring Boot application (bench/bare-boot): the framework's own ceiling. */
    ChainBuilder barePing(String name) {
        return exec(http(name).get(settings.bareUrl() + "/api/v1/ping").check(STATUS_SEEN, status().is(200)));
    }

    ChainBuilder productDetails(String name) {
        return exec(feedProduct(), productDetailsOfSessionProduct(name));
    }

    ChainBuilder feedProduct() {
        return exec(feed(products));
    }

    ChainBuilder productDetailsOfSessionProduct(String name) {
        return exec(http(name).get("/api/v1/products/#{productId}").check(STATUS_SEEN, status().is(200)));
    }

    ChainBuilder search(String name) {
        return exec(feed(searches))
                .exec(http(name).get("#{searchPath}").check(STATUS_SEEN, status().is(200)));
    }

    /** A search that keeps the ids of the in-stock products it found, for the views and additions that follow. */
    ChainBuilder searchKeepingResults(String name) {
        return exec(
                feed(searches),
                http(name)
                        .get("#{searchPath}")
                        .check(STATUS_SEEN, status().is(200))
                        .check(jsonPath("$.data.products[?(@.stock > 3)].id")
                                .findAll()
                                .optional()
                                .saveAs("found")));
    }

    ChainBuilder browse(String name) {
        return exec(feed(listings))
                .exec(http(name).get("#{listingPath}").check(STATUS_SEEN, status().is(200)));
    }

    /** Needs a shopper's {@code token} in the session. */
    ChainBuilder getCart(String name) {
        return exec(http(name)
                .get("/api/v1/cart")
                .header("Authorization", "Bearer #{token}")
                .check(STATUS_SEEN, status().is(200)));
    }

    /** Adds one unit of a product with stock; needs {@code token}. */
    ChainBuilder addToCart(String name) {
        return exec(feedAddable(), addSessionProductToCart(name, "addableId"));
    }

    ChainBuilder feedAddable() {
        return exec(feed(addable));
    }

    ChainBuilder addSessionProductToCart(String name, String productAttribute) {
        return exec(http(name)
                .post("/api/v1/cart/items")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"productId\": \"#{" + productAttribute + "}\", \"quantity\": 1}"))
                .check(STATUS_SEEN, status().is(201)));
    }

    /** Needs {@code token}; the type is personalized unless the server does not serve it yet (see bench/run.sh). */
    ChainBuilder recommendations(String name) {
        return exec(http(name)
                .get("/api/v1/recommendations?type=" + settings.recommendationType() + "&limit=20")
                .header("Authorization", "Bearer #{token}")
                .check(STATUS_SEEN, status().is(200)));
    }

    /** Places an order for the cart's content, paid by the test gateway's always-approved card. */
    ChainBuilder checkout(String name) {
        return exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString()))
                .exec(http(name)
                        .post("/api/v1/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .body(StringBody("{\"shippingAddress\": {\"recipient\": \"Bench Shopper\", \"line1\": \"1 Load "
                                + "Lane\", \"city\": \"Leeds\", \"postalCode\": \"LS1 1AA\", \"country\": \"GB\"}, "
                                + "\"paymentMethod\": \"CARD\", \"cardToken\": \"tok_visa\"}"))
                        .check(STATUS_SEEN, status().is(201)));
    }

    /** Empties a shopper's cart (not measured: it runs between stages so that carts do not grow run after run). */
    ChainBuilder clearCart(String name) {
        return exec(http(name)
                .delete("/api/v1/cart")
                .header("Authorization", "Bearer #{token}")
                .check(status().in(200, 204, 404)));
    }
}
