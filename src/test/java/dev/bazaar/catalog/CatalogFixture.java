package dev.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest.SignedInUser;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Builds catalog test data through the HTTP API, with slugs unique to one test so tests never collide. */
final class CatalogFixture {

    private final Api api;
    private final String adminToken;
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);

    CatalogFixture(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    String category(String name, String parentSlug) {
        String slug = prefix + "-" + name.toLowerCase().replace(' ', '-');
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "slug", slug));
        if (parentSlug != null) {
            body.put("parent", parentSlug);
        }
        Api.Response response = api.post("/api/v1/categories", body, adminToken);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return slug;
    }

    JsonNode product(String token, String title, String price, String category, String brand, int stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Description of " + title);
        body.put("price", new BigDecimal(price));
        body.put("category", category);
        body.put("brand", brand);
        body.put("stock", stock);
        body.put("specifications", Map.of("colour", "black"));
        Api.Response response = api.post("/api/v1/products", body, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data();
    }

    JsonNode product(String title, String price, String category, String brand, int stock) {
        return product(adminToken, title, price, category, brand, stock);
    }

    /** Grants SELLER to a user and returns their new sign-in. */
    static SignedInUser promoteToSeller(Api api, String adminToken, SignedInUser user) {
        Api.Response granted =
                api.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "SELLER"), adminToken);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        Api.Response login =
                api.post("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password()), null);
        JsonNode data = login.data();
        return new SignedInUser(
                user.id(),
                user.email(),
                user.password(),
                data.path("tokens").path("accessToken").asString(),
                data.path("tokens").path("refreshToken").asString());
    }
}
