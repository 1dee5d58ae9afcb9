package dev.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Operators read each cache's hits and misses where they read every other metric. */
class CacheStatisticsTest extends IntegrationTest {

    @Test
    void productDetailsCountAMissThenAHitInTheActuatorsMetrics() {
        SignedInUser admin = signInAsAdmin();
        String product = newProduct(admin, newCategory(admin, "stats"), "Counted lamp", "12.00", 3);
        double hits = gets(admin, "hit");
        double misses = gets(admin, "miss");

        assertThat(api.get("/api/v1/products/" + product, null).status()).isEqualTo(200);
        assertThat(gets(admin, "miss")).isEqualTo(misses + 1);
        assertThat(gets(admin, "hit")).isEqualTo(hits);

        assertThat(api.get("/api/v1/products/" + product, null).status()).isEqualTo(200);
        assertThat(gets(admin, "hit")).isEqualTo(hits + 1);
        assertThat(gets(admin, "miss")).isEqualTo(misses + 1);
    }

    private double gets(SignedInUser admin, String result) {
        var answer = api.get(
                "/actuator/metrics/cache.gets?tag=cache:product-details-json&tag=result:" + result,
                admin.accessToken());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("measurements").get(0).path("value").asDouble();
    }
}
