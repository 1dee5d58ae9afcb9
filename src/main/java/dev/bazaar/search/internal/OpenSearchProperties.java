package dev.bazaar.search.internal;

import dev.bazaar.search.internal.opensearch.OpenSearchConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenSearch cluster used when {@code bazaar.search.engine=opensearch} ({@code bazaar.search.opensearch.*}).
 * {@code url} lists the nodes, comma-separated; {@code index} is the alias searches use (rebuilt indices are named
 * after it); {@code username}/{@code password} enable basic authentication; {@code shards} and {@code replicas}
 * shape new indices; {@code refreshInterval} is how soon writes become searchable; {@code timeout} bounds connecting and each answer; {@code maxConnections} caps the pool.
 */
@ConfigurationProperties("bazaar.search.opensearch")
record OpenSearchProperties(
        String url,
        String index,
        String username,
        String password,
        int shards,
        int replicas,
        Duration refreshInterval,
        Duration timeout,
        int maxConnections) {

    OpenSearchConnection connection() {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "bazaar.search.engine=opensearch needs bazaar.search.opensearch.url (e.g. http://127.0.0.1:9200)");
        }
        List<URI> urls = Arrays.stream(url.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(URI::create)
                .toList();
        return new OpenSearchConnection(
                urls, index, username, password, shards, replicas, refreshInterval, timeout, maxConnections);
    }
}
