package dev.bazaar.platform.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary bundled by embedded-redis) on a free loopback port, with its data directory
 * under target/, that a test can stop (as a crash: SIGKILL), restart on the same port and data file, and inspect.
 * Nothing is saved unless the test asks ({@link #saveAndStop()}).
 */
final class RedisTestServer implements AutoCloseable {

    private final int port;
    private final Path directory;
    private final RedisClient client;
    private RedisServer server;

    private RedisTestServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
        this.client = RedisClient.create(RedisURI.create("127.0.0.1", port));
    }

    static RedisTestServer start() {
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "redis-");
            RedisTestServer redis = new RedisTestServer(freePort(), directory);
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again), on the same port, loading the last saved data if any. */
    void startAgain() {
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + directory.toAbsolutePath())
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .soutListener(line -> {})
                    .serrListener(line -> {})
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the server at once, as a crash would. */
    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the data file, then kills the server: the next start loads what was there. */
    void saveAndStop() {
        commands(RedisCommands::save);
        stop();
    }

    int port() {
        return port;
    }

    /** Properties that point an application at this server. */
    /** Points the application under test at this server. */
    void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> port);
    }

    List<String> springProperties() {
        return List.of("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port);
    }

    <T> T commands(Function<RedisCommands<String, String>, T> work) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return work.apply(connection.sync());
        }
    }

    List<String> keys(String pattern) {
        return commands(redis -> redis.keys(pattern));
    }

    String get(String key) {
        return commands(redis -> redis.get(key));
    }

    long ttlSeconds(String key) {
        return commands(redis -> redis.ttl(key));
    }

    @Override
    public void close() {
        stop();
        client.shutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
