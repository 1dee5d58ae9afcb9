package dev.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CategoryTreeTest extends IntegrationTest {

    /** Makes the names this test gives the API itself its own. */
    final String unique = "t" + UUID.randomUUID().toString().substring(0, 8);

    SignedInUser admin;

    @BeforeEach
    void signIn() {
        admin = signInAsAdmin();
    }

    @Test
    void showsTheTreeAndEachCategorysPath() {
        String home = store.category(admin, "Home", null);
        String kitchen = store.category(admin, "Kitchen", home);
        String mugs = store.category(admin, "Mugs", kitchen);

        JsonNode tree = api.get("/api/v1/categories", null).data();
        JsonNode homeNode = tree.valueStream()
                .filter(node -> node.path("slug").asString().equals(home))
                .findFirst()
                .orElseThrow();
        assertThat(homeNode.path("children").get(0).path("slug").asString()).isEqualTo(kitchen);
        assertThat(homeNode.path("children")
                        .get(0)
                        .path("children")
                        .get(0)
                        .path("slug")
                        .asString())
                .isEqualTo(mugs);

        JsonNode details = api.get("/api/v1/categories/" + mugs, null).data();
        assertThat(details.path("parent").path("slug").asString()).isEqualTo(kitchen);
        assertThat(details.path("path").valueStream().map(n -> n.path("slug").asString()))
                .containsExactly(home, kitchen, mugs);
        assertThat(api.get("/api/v1/categories/no-such-" + unique, null).status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsChangeCategories() {
        SignedInUser customer = registerCustomer();
        Map<String, Object> body = Map.of("name", "Forbidden " + unique);
        assertThat(api.post("/api/v1/categories", body, customer.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/categories", body, null).status()).isEqualTo(401);
    }

    @Test
    void derivesSlugsAndRefusesDuplicates() {
        Api.Response created =
                api.post("/api/v1/categories", Map.of("name", "Garden Tools " + unique), admin.accessToken());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("slug").asString()).isEqualTo("garden-tools-" + unique);
        Api.Response duplicate =
                api.post("/api/v1/categories", Map.of("name", "Garden Tools " + unique), admin.accessToken());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/categories", Map.of("name", "x", "slug", "Bad Slug"), admin.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void movesCategoriesButNeverUnderThemselves() {
        String a = store.category(admin, "A", null);
        String b = store.category(admin, "B", a);
        String c = store.category(admin, "C", null);

        Map<String, Object> underB = Map.of("parent", b);
        Api.Response cycle = api.put("/api/v1/categories/" + a + "/parent", underB, admin.accessToken());
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.error().path("code").asString()).isEqualTo("CATEGORY_CYCLE");

        assertThat(api.put("/api/v1/categories/" + b + "/parent", Map.of("parent", c), admin.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/categories/" + b, null)
                        .data()
                        .path("parent")
                        .path("slug")
                        .asString())
                .isEqualTo(c);

        Map<String, Object> toTop = new HashMap<>();
        toTop.put("parent", null);
        assertThat(api.put("/api/v1/categories/" + b + "/parent", toTop, admin.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/categories/" + b, null)
                        .data()
                        .path("parent")
                        .isNull())
                .isTrue();
    }

    @Test
    void refusesToDeleteACategoryInUse() {
        String parent = store.category(admin, "Parent", null);
        String child = store.category(admin, "Child", parent);
        String withProduct = store.category(admin, "Stocked", null);
        store.product("Thing", "1.00").in(withProduct).brand("Acme").stock(1).createdBy(admin);

        assertThat(api.delete("/api/v1/categories/" + parent, admin.accessToken())
                        .status())
                .isEqualTo(409);
        assertThat(api.delete("/api/v1/categories/" + withProduct, admin.accessToken())
                        .status())
                .isEqualTo(409);
        assertThat(api.delete("/api/v1/categories/" + child, admin.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/categories/" + parent, admin.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/categories/" + parent, null).status()).isEqualTo(404);
    }
}
