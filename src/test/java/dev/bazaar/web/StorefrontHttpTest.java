package dev.bazaar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages as a browser receives them: headers, escaping, CSRF, sessions and error pages, over plain HTTP. */
class StorefrontHttpTest extends IntegrationTest {

    private FormBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new FormBrowser(port);
    }

    @Test
    void theHomePageIsHtmlWithStrictSecurityHeaders() throws Exception {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.body()).contains("<main").doesNotContain("<script>");
        // assets are linked by a hash of their content (kept a year by browsers), so a new version is fetched at once
        assertThat(home.body()).containsPattern("href=\"/assets/bazaar-[0-9a-f]{32}\\.css\"");
        // a visitor who only browses gets no server session
        assertThat(home.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("BAZAAR_SESSION"));
    }

    @Test
    void aTitleWithMarkupShowsAsText() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "xss");
        String id = newProduct(admin, category, "<script>alert('x')</script> Mug", "5.00", 3);
        HttpResponse<String> page = browser.get("/products/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("<script>alert('x')</script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Mug");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWithTheErrorPage() throws Exception {
        browser.get("/"); // the CSRF cookie
        HttpResponse<String> refused = browser.post(
                "/cart/items", Map.of("productId", UUID.randomUUID().toString()), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This form has expired").doesNotContain("Whitelabel");
        HttpResponse<String> wrong = browser.post(
                "/cart/items", Map.of("productId", UUID.randomUUID().toString()), "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void aGuestCartFollowsTheShopperThroughSignIn() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "merge");
        String product = newProduct(admin, category, "Merge test kettle", "20.00", 5);
        SignedInUser shopper = registerCustomer();

        HttpResponse<String> page = browser.get("/products/" + product);
        HttpResponse<String> added =
                browser.post("/cart/items", Map.of("productId", product, "quantity", "2"), FormBrowser.csrf(page));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);

        HttpResponse<String> signInPage = browser.get("/signin");
        HttpResponse<String> signedIn = browser.post(
                "/signin",
                Map.of("email", shopper.email(), "password", shopper.password(), "next", "/cart"),
                FormBrowser.csrf(signInPage));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/cart"));
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("BAZAAR_SESSION=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
        assertThat(api.get("/api/v1/cart", shopper.accessToken())
                        .data()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        SignedInUser shopper = registerCustomer();
        HttpResponse<String> signedIn = browser.post(
                "/signin",
                Map.of("email", shopper.email(), "password", shopper.password()),
                FormBrowser.csrf(browser.get("/signin")));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> account = browser.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(shopper.email());

        assertThat(browser.post("/signout", Map.of(), FormBrowser.csrf(account)).statusCode())
                .isEqualTo(302);
        HttpResponse<String> after = browser.get("/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/signin"));
    }

    @Test
    void aRefusedReviewShowsOnTheProductPage() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String product = newProduct(admin, newCategory(admin, "review"), "Reviewed kettle", "20.00", 5);
        SignedInUser shopper = registerCustomer();
        browser.post(
                "/signin",
                Map.of("email", shopper.email(), "password", shopper.password()),
                FormBrowser.csrf(browser.get("/signin")));

        HttpResponse<String> refused = browser.post(
                "/products/" + product + "/reviews",
                Map.of("rating", "0", "comment", "no stars"),
                FormBrowser.csrf(browser.get("/products/" + product)));
        assertThat(refused.statusCode()).isEqualTo(302);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(browser.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""))
                        .body())
                .contains("The request has invalid fields");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainAndAnOpenRedirectIsRefused() throws Exception {
        SignedInUser shopper = registerCustomer();
        HttpResponse<String> wrong = browser.post(
                "/signin",
                Map.of("email", shopper.email(), "password", "not the password at all"),
                FormBrowser.csrf(browser.get("/signin")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Email or password is wrong");

        HttpResponse<String> elsewhere = browser.post(
                "/signin",
                Map.of("email", shopper.email(), "password", shopper.password(), "next", "//evil.example/steal"),
                FormBrowser.csrf(browser.get("/signin")));
        assertThat(elsewhere.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("evil.example"));
    }

    @Test
    void theSearchPageOffersADidYouMeanLinkForAMisspelledQuery() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String word = "zq"
                + new java.util.Random()
                        .ints(7, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        newProduct(admin, newCategory(admin, "spell"), word + " Walnut Coffee Table", "249.00", 2);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get("/api/v1/products/search?q=" + word, null)
                                .data()
                                .path("pagination")
                                .path("total")
                                .asLong())
                        .isEqualTo(1));

        HttpResponse<String> page = browser.get("/search?q=" + word + "%20cofee%20tabel");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Did you mean")
                .contains("href=\"/search?q=" + word + "%20coffee%20table\"")
                .contains(">" + word + " coffee table</a>");
    }

    @Test
    void theRatingFacetSaysOneStarButFourStars() throws Exception {
        HttpResponse<String> page = browser.get("/search?q=mug");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(">4 stars &amp; up</a>")
                .contains(">1 star &amp; up</a>")
                .doesNotContain("1 stars");
    }

    @Test
    void pagesAnswerHtmlErrorsWhileTheApiKeepsItsEnvelope() throws Exception {
        HttpResponse<String> missing = browser.get("/products/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(missing.body())
                .contains("Product not found")
                .doesNotContain("Exception")
                .doesNotContain("at dev.");

        HttpResponse<String> unknownPage = browser.get("/no/such/page");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("We could not find that page").doesNotContain("Whitelabel");

        HttpResponse<String> badFilter = browser.get("/search?q=mug&minPrice=cheap");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("<html");

        var fromTheApi = api.get("/api/v1/products/" + UUID.randomUUID(), null);
        assertThat(fromTheApi.status()).isEqualTo(404);
        assertThat(fromTheApi.body()).startsWith("{\"success\":false");
    }

    @Test
    void checkoutAndOrdersNeedASignedInShopper() throws Exception {
        for (String path : new String[] {"/checkout", "/orders", "/account", "/orders/" + UUID.randomUUID()}) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("/signin?next="));
        }
    }

    @Test
    void anotherShoppersOrderIsNotFound() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String product = newProduct(admin, newCategory(admin, "own"), "Own order mug", "7.00", 5);
        String theirOrder = orderProducts(registerCustomer(), Map.of(product, 1));
        SignedInUser me = registerCustomer();
        browser.post(
                "/signin",
                Map.of("email", me.email(), "password", me.password()),
                FormBrowser.csrf(browser.get("/signin")));
        HttpResponse<String> page = browser.get("/orders/" + theirOrder);
        assertThat(page.statusCode()).isEqualTo(404);
    }
}
