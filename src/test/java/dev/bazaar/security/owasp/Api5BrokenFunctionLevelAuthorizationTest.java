package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API5:2023 Broken Function Level Authorization. Administrative functions live under {@code /api/v1/admin/**}
 * (ADMIN), changing the category tree needs ADMIN and selling SELLER; the decision is taken from the URL and the
 * token's role before the body is read, so a well-formed request from the wrong role is a 403 that changes
 * nothing, and a malformed one is a 403 too (not a 400 revealing the validation). Path and method tricks do not
 * reach another function. Every route's rule is checked by {@link EveryRouteHasAnAccessRuleTest}; this class sends
 * the dangerous functions with real bodies and reads the data back.
 */
class Api5BrokenFunctionLevelAuthorizationTest extends OwaspApiTest {

    @Test
    void aCustomerCannotMakeThemselvesAdmin() {
        SignedInUser customer = registerCustomer();
        Api.Response response = api.put(
                "/api/v1/admin/users/" + customer.id() + "/role", Map.of("role", "ADMIN"), customer.accessToken());
        assertRefused(response, 403, "FORBIDDEN");
        assertThat(api.get("/api/v1/users/me", customer.accessToken())
                        .data()
                        .path("role")
                        .asString())
                .isEqualTo("CUSTOMER");
    }

    @Test
    void aSellerCannotUseAdminFunctionsOnStockOrders() {
        SignedInUser seller = registerSeller();
        String product = newProduct("7.00");
        SignedInUser shopper = registerCustomer();
        String order = orderProducts(shopper, Map.of(product, 1));
        String admin = signInAsAdmin().accessToken();
        int onHand = api.get("/api/v1/admin/inventory/" + product, admin)
                .data()
                .path("onHand")
                .asInt();

        assertRefused(
                api.put(
                        "/api/v1/admin/inventory/" + product,
                        Map.of("onHand", 0, "reason", "sabotage"),
                        seller.accessToken()),
                403,
                "FORBIDDEN");
        assertRefused(
                api.put(
                        "/api/v1/admin/orders/" + order + "/status",
                        Map.of("status", "DELIVERED"),
                        seller.accessToken()),
                403,
                "FORBIDDEN");
        assertThat(api.get("/api/v1/admin/inventory/" + product, admin)
                        .data()
                        .path("onHand")
                        .asInt())
                .isEqualTo(onHand)
                .isPositive();
        assertThat(api.get("/api/v1/orders/" + order, shopper.accessToken())
                        .data()
                        .path("status")
                        .asString())
                .isNotEqualToIgnoringCase("DELIVERED");
    }

    @Test
    void aCustomerCannotCreateCategoriesOrProductsWhateverTheBody() {
        SignedInUser customer = registerCustomer();
        String slug = "owasp-fl-" + UUID.randomUUID().toString().substring(0, 8);
        assertRefused(
                api.post("/api/v1/categories", Map.of("name", slug, "slug", slug), customer.accessToken()),
                403,
                "FORBIDDEN");
        assertRefused(api.post("/api/v1/categories", Map.of(), customer.accessToken()), 403, "FORBIDDEN");
        assertRefused(api.get("/api/v1/categories/" + slug, null), 404, "NOT_FOUND");

        String category = newCategory(signInAsAdmin(), "owasp-fl");
        assertRefused(
                api.post(
                        "/api/v1/products",
                        Map.of("title", "Fake", "price", 1, "category", category),
                        customer.accessToken()),
                403,
                "FORBIDDEN");
        assertRefused(api.post("/api/v1/products", Map.of(), customer.accessToken()), 403, "FORBIDDEN");
        assertThat(api.get("/api/v1/products?category=" + category, null)
                        .data()
                        .path("products")
                        .size())
                .isZero();
    }

    @Test
    void operationalEndpointsAreForAdminsOnly() {
        String customer = registerCustomer().accessToken();
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/modulith"}) {
            assertRefused(api.get(path, null), 401, "UNAUTHORIZED");
            assertRefused(api.get(path, customer), 403, "FORBIDDEN");
        }
        for (String path :
                new String[] {"/actuator/env", "/actuator/heapdump", "/actuator/configprops", "/actuator/beans"}) {
            assertThat(api.get(path, signInAsAdmin().accessToken()).status())
                    .as(path + " is not exposed at all")
                    .isEqualTo(404);
        }
    }

    @Test
    void pathAndMethodTricksDoNotReachAdminFunctions() {
        String customer = registerCustomer().accessToken();
        assertThat(api.get("/api/v1/ADMIN/users", customer).status()).isNotEqualTo(200);
        assertThat(api.get("/api/v1/Admin/users", customer).status()).isNotEqualTo(200);
        assertRefused(api.get("/api/v1/admin/users/", customer), 403, "FORBIDDEN");
        assertRefused(api.get("/api/v1/cart/../admin/users", customer), 400, "BAD_REQUEST");
        assertRefused(api.get("/api/v1/cart/%2e%2e/admin/users", customer), 400, "BAD_REQUEST");
        assertRefused(api.get("/api/v1//admin/users", customer), 400, "BAD_REQUEST");
        assertRefused(api.get("/api/v1/cart;/../admin/users", customer), 400, "BAD_REQUEST");

        String product = newProduct("4.00");
        Api.Response overridden = api.send(
                "POST",
                "/api/v1/products/" + product,
                customer,
                null,
                null,
                Map.of("X-HTTP-Method-Override", "DELETE"));
        assertThat(overridden.status()).isIn(403, 405);
        assertThat(api.get("/api/v1/products/" + product, null)
                        .data()
                        .path("active")
                        .asBoolean())
                .isTrue();
    }
}
