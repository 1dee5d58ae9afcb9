package dev.bazaar.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3-compatible server for the tests: Adobe S3Mock's executable jar (copied to target/s3mock by the build),
 * run in its own JVM because it is a Spring Boot 3 application and this one is Spring Boot 4. One per test run,
 * stopped when the test JVM exits.
 */
final class S3MockServer {

    static final String BUCKET = "bazaar-media-test";
    private static S3MockServer running;

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static synchronized S3MockServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The bucket's address, as a CDN in front of it would be. */
    String bucketUrl() {
        return endpoint() + "/" + BUCKET;
    }

    private static S3MockServer start() {
        Path jar = Path.of("target", "s3mock", "s3mock.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven, which copies it there");
        }
        try {
            Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "s3mock-");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            int httpPort = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar.toAbsolutePath().toString(),
                            "--server.address=127.0.0.1",
                            "--server.port=" + freePort(),
                            "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                            "--http.port=" + httpPort,
                            "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                            "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                            "--spring.main.banner-mode=off"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            S3MockServer server = new S3MockServer(process, httpPort);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Mock did not start within 90 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
