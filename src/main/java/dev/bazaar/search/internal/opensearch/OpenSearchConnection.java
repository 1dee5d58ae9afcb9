package dev.bazaar.search.internal.opensearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Where the cluster is and how to talk to it: the official Java client over Apache HttpClient 5, round-robin over
 * the given nodes, with short connect and response timeouts so that a dead or hanging cluster fails searches fast
 * (and they fall back) instead of holding request threads.
 *
 * @param urls the nodes, e.g. {@code http://127.0.0.1:9200}; https works with the JVM's trust store
 * @param index the alias searches and writes use; rebuilt indices are named after it
 * @param username with {@code password}, HTTP basic authentication; null or blank for none
 * @param shards primary shards of each new index
 * @param replicas replica shards of each served index (a rebuild builds without, then adds them)
 * @param refreshInterval how soon OpenSearch makes writes searchable (its {@code refresh_interval}); an upsert
 *     returns once its write is searchable, so this is also about how long one takes
 * @param timeout how long one request may take to connect, and then to answer
 * @param maxConnections connections kept to the cluster (per node, and in all)
 */
public record OpenSearchConnection(
        List<URI> urls,
        String index,
        String username,
        String password,
        int shards,
        int replicas,
        Duration refreshInterval,
        Duration timeout,
        int maxConnections) {

    public OpenSearchConnection {
        Objects.requireNonNull(urls, "urls");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("bazaar.search.opensearch.url must name at least one node");
        }
        if (index == null || index.isBlank() || !index.equals(index.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("bazaar.search.opensearch.index must be a lower-case index name");
        }
        urls = List.copyOf(urls);
    }

    /** A new transport (its own connection pool); whoever opens it closes it. */
    OpenSearchTransport openTransport() {
        HttpHost[] hosts = urls.stream().map(OpenSearchConnection::host).toArray(HttpHost[]::new);
        Timeout limit = Timeout.of(timeout);
        return ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(http -> {
                    http.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(maxConnections)
                            .setMaxConnTotal(maxConnections * hosts.length)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(limit)
                                    .setSocketTimeout(limit)
                                    .build())
                            .build());
                    if (username != null && !username.isBlank()) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(
                                    new AuthScope(host),
                                    new UsernamePasswordCredentials(
                                            username, password == null ? new char[0] : password.toCharArray()));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .setRequestConfigCallback(request -> request.setResponseTimeout(limit))
                .build();
    }

    private static HttpHost host(URI url) {
        try {
            return HttpHost.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an OpenSearch node URL: " + url, e);
        }
    }
}
