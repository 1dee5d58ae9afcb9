package dev.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, item 14, over HTTP: while the index is being built, readiness is OUT_OF_SERVICE and searches are
 * answered from PostgreSQL, flagged {@code degraded}, instead of "no hits".
 */
class SearchReadinessApiTest extends IntegrationTest {

    @Autowired
    SearchIndexState state;

    @Test
    void whileTheIndexIsBuiltReadinessIsDownAndSearchesAreDegradedNotEmpty() {
        SignedInUser admin = signInAsAdmin();
        String word = "lantern" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        newProduct(admin, newCategory(admin, "readiness"), "Brass " + word + " for porches", "12.50", 5);

        Api.Response ready = api.get("/actuator/health/readiness", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asString()).isEqualTo("UP");

        // what a fresh start looks like: the index found empty, its first build running
        state.incomplete();
        state.rebuildStarted();
        try {
            Api.Response building = api.get("/actuator/health/readiness", null);
            assertThat(building.status()).isEqualTo(503);
            assertThat(building.json().path("status").asString()).isEqualTo("OUT_OF_SERVICE");

            Api.Response search = api.get("/api/v1/products/search?q=" + word, null);
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.data().path("degraded").asBoolean()).isTrue();
            assertThat(search.data().path("pagination").path("total").asLong())
                    .as(search.toString())
                    .isPositive();

            Api.Response suggest = api.get("/api/v1/products/suggest?q=bras", null);
            assertThat(suggest.data().path("degraded").asBoolean()).isTrue();
        } finally {
            state.rebuildEnded(true);
        }

        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response search = api.get("/api/v1/products/search?q=" + word, null);
            assertThat(search.data().path("degraded").asBoolean()).isFalse();
            assertThat(search.data().path("pagination").path("total").asLong()).isPositive();
        });
    }
}
