package dev.bazaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin console's access rules over plain HTTP: who may open which section, and forged posts refused. */
class AdminConsoleHttpTest extends IntegrationTest {

    private static final String[] STAFF_ONLY = {
        "/admin/orders",
        "/admin/categories",
        "/admin/coupons",
        "/admin/gift-cards",
        "/admin/users",
        "/admin/notifications"
    };

    private FormBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new FormBrowser(port);
    }

    @Test
    void aVisitorIsSentToSignInAndACustomerIsRefused() throws Exception {
        HttpResponse<String> anonymous = browser.get("/admin");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/signin");

        SignedInUser customer = registerCustomer();
        signIn(customer);
        HttpResponse<String> refused = browser.get("/admin");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"error-message\"").doesNotContain("Exception");
    }

    @Test
    void aSellerGetsTheForbiddenPageOnEveryStaffSection() throws Exception {
        SignedInUser seller = store.newSeller(signInAsAdmin());
        signIn(seller);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin/products").statusCode()).isEqualTo(200);
        for (String path : STAFF_ONLY) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("id=\"error-message\"");
        }
        HttpResponse<String> products = browser.get("/admin/products/new");
        HttpResponse<String> roleChange = browser.post(
                "/admin/users/" + seller.id() + "/role", Map.of("role", "ADMIN"), FormBrowser.csrf(products));
        assertThat(roleChange.statusCode()).isEqualTo(403);
        Api.Response me = api.get("/api/v1/users/me", signInApi(seller).accessToken());
        assertThat(me.data().path("role").asString()).isEqualTo("SELLER");
    }

    @Test
    void aRoleChangeEndsTheBrowserSessionOfThatUser() throws Exception {
        SignedInUser admin = signInAsAdmin();
        SignedInUser seller = store.newSeller(admin);
        signIn(seller);
        assertThat(browser.get("/admin/products").statusCode()).isEqualTo(200);

        Api.Response demoted = api.put(
                "/api/v1/admin/users/" + seller.id() + "/role", Map.of("role", "CUSTOMER"), admin.accessToken());
        assertThat(demoted.status()).isEqualTo(200);

        // the page session still carries the SELLER role it signed in with; it must end, not keep that role
        HttpResponse<String> after = browser.get("/admin/products");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/signin");
    }

    @Test
    void anAdminOpensEverySection() throws Exception {
        signIn(new SignedInUser(null, ADMIN_EMAIL, ADMIN_PASSWORD, null, null));
        for (String path : STAFF_ONLY) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("aria-current=\"page\"");
        }
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin/products/new").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = browser.post("/admin/orders/" + UUID.randomUUID() + "/cancel", Map.of(), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("id=\"error-message\"");
        assertThat(browser.get("/admin/orders/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/admin/orders?status=lost").statusCode()).isEqualTo(400);
    }

    @Test
    void aLongListIsPagedAndEveryPageKeepsTheSearch() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "paged");
        String word = "paged" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        for (int i = 0; i < 26; i++) {
            newProduct(admin, category, "Lamp " + word + " " + i, "10.00", 1);
        }
        signIn(new SignedInUser(null, ADMIN_EMAIL, ADMIN_PASSWORD, null, null));

        String first = browser.get("/admin/products?q=" + word).body();
        assertThat(first).contains("href=\"/admin/products?q=" + word + "&amp;page=2\"");
        assertThat(first).doesNotContain("page=0");
        String second = browser.get("/admin/products?q=" + word + "&page=2").body();
        assertThat(second).contains("href=\"/admin/products?q=" + word + "&amp;page=1\"");
        assertThat(second).doesNotContain("page=3");
    }

    @Test
    void aSellerCannotChangeAnotherSellersProductByPostingTheForm() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "forged");
        SignedInUser rival = store.newSeller(signInAsAdmin());
        String theirs = newProduct(rival, category, "Rival clock", "30.00", 3);
        SignedInUser seller = store.newSeller(signInAsAdmin());
        signIn(seller);
        String token = FormBrowser.csrf(browser.get("/admin/products/new"));

        HttpResponse<String> update = browser.post(
                "/admin/products/" + theirs,
                Map.of("title", "Taken over", "price", "1.00", "currency", "USD", "category", category),
                token);
        assertThat(update.statusCode()).isEqualTo(404);
        assertThat(browser.post("/admin/products/" + theirs + "/deactivate", Map.of(), token)
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.post("/admin/inventory/" + theirs, Map.of("quantity", "-3", "reason", "theft"), token)
                        .statusCode())
                .isEqualTo(404);

        Api.Response product = api.get("/api/v1/products/" + theirs, null);
        assertThat(product.data().path("title").asString()).isEqualTo("Rival clock");
        assertThat(product.data().path("active").asBoolean()).isTrue();
        assertThat(product.data().path("stock").asInt()).isEqualTo(3);
    }

    @Test
    void staffManageCategoriesCouponsGiftCardsAndDiscounts() throws Exception {
        SignedInUser customer = registerCustomer();
        signIn(new SignedInUser(null, ADMIN_EMAIL, ADMIN_PASSWORD, null, null));
        String token = FormBrowser.csrf(browser.get("/admin/categories"));
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(browser.post("/admin/categories", Map.of("name", "Console made", "slug", slug, "parent", ""), token)
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/categories/" + slug, null).status()).isEqualTo(200);
        browser.post("/admin/categories/" + slug + "/rename", Map.of("name", "Console renamed"), token);
        assertThat(api.get("/api/v1/categories/" + slug, null)
                        .data()
                        .path("name")
                        .asString())
                .isEqualTo("Console renamed");
        browser.post("/admin/categories/" + slug + "/delete", Map.of(), token);
        assertThat(api.get("/api/v1/categories/" + slug, null).status()).isEqualTo(404);

        String code = "CONSOLE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        browser.post(
                "/admin/coupons",
                Map.of("code", code, "kind", "percent", "value", "15", "minSubtotal", "", "active", "true"),
                token);
        assertThat(browser.get("/admin/coupons").body()).contains(code);

        String card = "GIFT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        browser.post(
                "/admin/gift-cards",
                Map.of("code", card, "balance", "25.00", "currency", "USD", "active", "true"),
                token);
        assertThat(browser.get("/admin/gift-cards?code=" + card.toLowerCase()).body())
                .contains("25.00");

        HttpResponse<String> granted = browser.post(
                "/admin/customers/" + customer.id() + "/discount",
                Map.of("percentOff", "10", "reason", "Loyal customer", "expiresAt", ""),
                token);
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(browser.get(granted.headers()
                                .firstValue("Location")
                                .orElseThrow()
                                .replaceFirst("^https?://[^/]+", ""))
                        .body())
                .contains("notice success");
    }

    @Test
    void refusalsOfTheCatalogAndOfAccountsShowOnTheFormTheyCameFrom() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String parent = newCategory(admin, "refusing");
        newProduct(admin, parent, "Refused lamp", "10.00", 1);
        signIn(new SignedInUser(null, ADMIN_EMAIL, ADMIN_PASSWORD, null, null));
        String token = FormBrowser.csrf(browser.get("/admin/products/new"));

        HttpResponse<String> unknownCategory = browser.post(
                "/admin/products",
                Map.of("title", "Lamp", "price", "10.00", "currency", "USD", "category", "no-such-category"),
                token);
        assertThat(unknownCategory.statusCode()).isEqualTo(200);
        assertThat(unknownCategory.body()).contains("category: no category has this slug");

        HttpResponse<String> inUse = browser.post("/admin/categories/" + parent + "/delete", Map.of(), token);
        assertThat(inUse.statusCode()).isEqualTo(302);
        assertThat(browser.get(localPath(inUse)).body()).contains("The category still has subcategories or products");

        HttpResponse<String> ownRole =
                browser.post("/admin/users/" + admin.id() + "/role", Map.of("role", "CUSTOMER"), token);
        assertThat(ownRole.statusCode()).isEqualTo(302);
        assertThat(browser.get(localPath(ownRole)).body()).contains("Admins cannot change their own role");
    }

    /** Where a redirect points, as a path of this server (flash messages wait for exactly that path and query). */
    private static String localPath(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private SignedInUser signInApi(SignedInUser user) {
        return signIn(user.email(), user.password());
    }

    private void signIn(SignedInUser user) throws Exception {
        HttpResponse<String> signedIn = browser.post(
                "/signin",
                Map.of("email", user.email(), "password", user.password()),
                FormBrowser.csrf(browser.get("/signin")));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    }
}
