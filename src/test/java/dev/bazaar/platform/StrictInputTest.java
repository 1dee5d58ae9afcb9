package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 15, item 11: request bodies mean only what they say. */
class StrictInputTest extends IntegrationTest {

    @Test
    void anEnumOrdinalIsNotARole() {
        SignedInUser admin = signInAsAdmin();
        SignedInUser customer = registerCustomer();
        String path = "/api/v1/admin/users/" + customer.id() + "/role";

        for (String body : new String[] {"{\"role\":1}", "{\"role\":\"1\"}", "{\"role\":2}"}) {
            Api.Response response = api.send("PUT", path, admin.accessToken(), "application/json", body, Map.of());
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.json().path("success").asBoolean()).isFalse();
        }
        Api.Response me = api.get(
                "/api/v1/users/me",
                signIn(customer.email(), customer.password()).accessToken());
        assertThat(me.data().path("role").asString()).isEqualTo("CUSTOMER");

        assertThat(api.put(path, Map.of("role", "SELLER"), admin.accessToken()).status())
                .isEqualTo(200);
    }

    @Test
    void anEmptyMoveDoesNotMoveACategoryToTheTop() {
        SignedInUser admin = signInAsAdmin();
        String parent = newCategory(admin, "strict-parent");
        String child = "strict-child-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(
                                "/api/v1/categories",
                                Map.of("name", child, "slug", child, "parent", parent),
                                admin.accessToken())
                        .status())
                .isEqualTo(201);

        Api.Response empty = api.put("/api/v1/categories/" + child + "/parent", Map.of(), admin.accessToken());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.error().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(empty.error().path("details").path(0).path("field").asString())
                .isEqualTo("parent");
        assertThat(api.get("/api/v1/categories/" + child, null)
                        .data()
                        .path("parent")
                        .path("slug")
                        .asString())
                .isEqualTo(parent);

        Map<String, Object> toTop = new HashMap<>();
        toTop.put("parent", null);
        assertThat(api.put("/api/v1/categories/" + child + "/parent", toTop, admin.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/categories/" + child, null)
                        .data()
                        .path("parent")
                        .isNull())
                .isTrue();
    }

    @Test
    void aDiscountForAnUnknownCustomerIsNotFound() {
        SignedInUser admin = signInAsAdmin();
        Api.Response response = api.put(
                "/api/v1/admin/customers/" + UUID.randomUUID() + "/discount",
                Map.of("percentOff", 10, "reason", "loyalty"),
                admin.accessToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.error().path("code").asString()).isEqualTo("NOT_FOUND");
    }
}
