package dev.bazaar.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.search.OpenSearchTestNode;
import dev.bazaar.search.SearchEngineContract;
import dev.bazaar.search.internal.SearchEngine;
import dev.bazaar.search.internal.opensearch.OpenSearchSearchEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch adapter against a real node started by the test run: the same engine contract as the embedded
 * Lucene engine, each test under an index alias of its own (the node's data is thrown away with the run).
 */
class OpenSearchSearchEngineTest extends SearchEngineContract {

    private final String alias = OpenSearchTestNode.newIndexName("contract");
    private final String emptyAlias = OpenSearchTestNode.newIndexName("contract-empty");

    @Override
    protected SearchEngine openEngine() {
        return new OpenSearchSearchEngine(OpenSearchTestNode.connection(alias));
    }

    @Override
    protected SearchEngine openEngineWithoutIndex() {
        return new OpenSearchSearchEngine(OpenSearchTestNode.connection(emptyAlias));
    }

    @Override
    protected void assertOnlyTheServedIndexIsKept() {
        assertThat(indicesOf(alias)).hasSize(1);
    }

    /** Every call is an HTTP round trip of tens of milliseconds on a busy machine: fewer rounds prove the same. */
    @Override
    protected int concurrentRounds() {
        return 20;
    }

    @Test
    void writesNeverCreateAnIndexWithGuessedMappings() {
        // a product written before any rebuild lands in an index with the product mappings, behind the alias
        try (SearchEngine fresh = openEngineWithoutIndex()) {
            fresh.upsert(synthetic(1));
            assertThat(fresh.storedCatalogVersion()).isNull();
            assertThat(fresh.size()).isEqualTo(1);
            assertThat(http("GET", "/" + emptyAlias + "/_mapping")).contains("\"dynamic\":\"strict\"");
        } finally {
            for (String index : indicesOf(emptyAlias)) {
                http("DELETE", "/" + index);
            }
        }
    }

    private static List<String> indicesOf(String alias) {
        String names = http("GET", "/_cat/indices/" + alias + "-*?h=index");
        return Arrays.stream(names.split("\\s+"))
                .filter(name -> !name.isBlank())
                .toList();
    }

    private static String http(String method, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(OpenSearchTestNode.url() + path))
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
