package dev.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The search API on OpenSearch: every {@link SearchApiTest} again, in an application configured with
 * {@code bazaar.search.engine=opensearch} against the test run's OpenSearch node, so that catalog changes reach
 * the cluster through the event publication log and {@code /api/v1/products/search} answers from it.
 */
@TestPropertySource(
        properties = {
            "bazaar.search.engine=opensearch",
            "bazaar.search.opensearch.replicas=0",
            "bazaar.search.opensearch.refresh-interval=100ms",
            // a second application context in this JVM: its own Lucene directory is not used, but keep it apart
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-opensearch-api-test"
        })
class OpenSearchSearchApiTest extends SearchApiTest {

    static final String INDEX = OpenSearchTestNode.newIndexName("api");

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("bazaar.search.opensearch.url", OpenSearchTestNode::url);
        registry.add("bazaar.search.opensearch.index", () -> INDEX);
    }

    /**
     * The application builds the index in the background on its first start (and an earlier test may have asked
     * for a rebuild): wait until no rebuild runs and the engine, not the PostgreSQL fallback, answers, so that
     * every test measures OpenSearch's ranking.
     */
    @BeforeEach
    void engineReady() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response status = api.get("/api/v1/admin/search/index", admin.accessToken());
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            assertThat(status.data().path("rebuilding").asBoolean()).isFalse();
            assertThat(search("q=ready").path("degraded").asBoolean()).isFalse();
        });
    }

    @Test
    void productsAreIndexedInOpenSearchAndSearchesAreNotDegraded() {
        String id = product(word + " Garden Hose", "Twenty metres", "30.00", accessories, "Acme")
                .path("id")
                .asString();

        // the product changed event reaches the cluster: the document is in the index behind the alias
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(openSearch("/" + INDEX + "/_doc/" + id)).contains("\"found\":true"));
        assertThat(search("q=" + word).path("degraded").asBoolean()).isFalse();

        api.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("12.00")), admin.accessToken());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(openSearch("/" + INDEX + "/_doc/" + id)).contains("\"price_cents\":1200"));
    }

    private static String openSearch(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(OpenSearchTestNode.url() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
