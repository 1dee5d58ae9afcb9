package dev.bazaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.IntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages as a browser receives them: headers, escaping, CSRF, sessions and error pages, over plain HTTP. */
class StorefrontHttpTest extends IntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void theHomePageIsHtmlWithStrictSecurityHeaders() throws Exception {
        HttpResponse<String> home = get("/");
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
        // a visitor who only browses gets no server session
        assertThat(home.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("BAZAAR_SESSION"));
    }

    @Test
    void aTitleWithMarkupShowsAsText() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "xss");
        String id = newProduct(admin, category, "<script>alert('x')</script> Mug", "5.00", 3);
        HttpResponse<String> page = get("/products/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("<script>alert('x')</script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Mug");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWithTheErrorPage() throws Exception {
        get("/"); // the CSRF cookie
        HttpResponse<String> refused =
                post("/cart/items", Map.of("productId", UUID.randomUUID().toString()), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This form has expired").doesNotContain("Whitelabel");
        HttpResponse<String> wrong =
                post("/cart/items", Map.of("productId", UUID.randomUUID().toString()), "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void aGuestCartFollowsTheShopperThroughSignIn() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "merge");
        String product = newProduct(admin, category, "Merge test kettle", "20.00", 5);
        SignedInUser shopper = registerCustomer();

        HttpResponse<String> page = get("/products/" + product);
        HttpResponse<String> added = post("/cart/items", Map.of("productId", product, "quantity", "2"), csrf(page));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);

        HttpResponse<String> signInPage = get("/signin");
        HttpResponse<String> signedIn = post(
                "/signin",
                Map.of("email", shopper.email(), "password", shopper.password(), "next", "/cart"),
                csrf(signInPage));
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
        HttpResponse<String> signedIn =
                post("/signin", Map.of("email", shopper.email(), "password", shopper.password()), csrf(get("/signin")));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> account = get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(shopper.email());

        assertThat(post("/signout", Map.of(), csrf(account)).statusCode()).isEqualTo(302);
        HttpResponse<String> after = get("/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/signin"));
    }

    @Test
    void aWrongPasswordShowsTheFormAgainAndAnOpenRedirectIsRefused() throws Exception {
        SignedInUser shopper = registerCustomer();
        HttpResponse<String> wrong = post(
                "/signin",
                Map.of("email", shopper.email(), "password", "not the password at all"),
                csrf(get("/signin")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Email or password is wrong");

        HttpResponse<String> elsewhere = post(
                "/signin",
                Map.of("email", shopper.email(), "password", shopper.password(), "next", "//evil.example/steal"),
                csrf(get("/signin")));
        assertThat(elsewhere.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("evil.example"));
    }

    @Test
    void pagesAnswerHtmlErrorsWhileTheApiKeepsItsEnvelope() throws Exception {
        HttpResponse<String> missing = get("/products/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(missing.body())
                .contains("Product not found")
                .doesNotContain("Exception")
                .doesNotContain("at dev.");

        HttpResponse<String> unknownPage = get("/no/such/page");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("We could not find that page").doesNotContain("Whitelabel");

        HttpResponse<String> badFilter = get("/search?q=mug&minPrice=cheap");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("<html");

        var fromTheApi = api.get("/api/v1/products/" + UUID.randomUUID(), null);
        assertThat(fromTheApi.status()).isEqualTo(404);
        assertThat(fromTheApi.body()).startsWith("{\"success\":false");
    }

    @Test
    void checkoutAndOrdersNeedASignedInShopper() throws Exception {
        for (String path : new String[] {"/checkout", "/orders", "/account", "/orders/" + UUID.randomUUID()}) {
            HttpResponse<String> page = get(path);
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
        post("/signin", Map.of("email", me.email(), "password", me.password()), csrf(get("/signin")));
        HttpResponse<String> page = get("/orders/" + theirOrder);
        assertThat(page.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String csrf)
            throws IOException, InterruptedException {
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF_FIELD.matcher(page.body());
        assertThat(matcher.find()).as("a CSRF field on " + page.uri()).isTrue();
        return matcher.group(1).replace("&#45;", "-");
    }
}
