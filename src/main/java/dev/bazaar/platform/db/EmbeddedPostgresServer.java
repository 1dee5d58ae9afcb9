package dev.bazaar.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries on the classpath, one per data directory and JVM. Several
 * application contexts (tests) may share it; the last one to close stops it. The data directory is kept, so a
 * restart finds every row it left.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path dataDirectory;
    private final EmbeddedPostgresProperties properties;
    private final String database;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private int users;

    private EmbeddedPostgresServer(
            Path dataDirectory, EmbeddedPostgresProperties properties, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.properties = properties;
        this.postgres = postgres;
        this.database = properties.database();
        this.port = postgres.getPort();
    }

    static EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
        Path directory = properties.dataDirectory().toAbsolutePath().normalize();
        synchronized (RUNNING) {
            EmbeddedPostgresServer server = RUNNING.get(directory);
            if (server == null) {
                server = new EmbeddedPostgresServer(directory, properties, start(directory, properties, 0));
                RUNNING.put(directory, server);
            }
            server.users++;
            return server;
        }
    }

    /** Starts PostgreSQL on {@code port}, or on a free loopback port when it is 0. */
    private static EmbeddedPostgres start(Path directory, EmbeddedPostgresProperties properties, int port) {
        try {
            Files.createDirectories(directory);
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // closing the application context stops it (close(), by its last user); the library's own JVM
                    // hook ran beside the contexts' hooks and stopped it while they were still closing, so each
                    // test context waited five seconds for a connection on its way out
                    .setRegisterShutdownHook(false)
                    .setPort(port == 0 ? freeLoopbackPort() : port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB");
            if (properties.durable()) {
                // the library's defaults trade durability for speed; a store's system of record must not lose
                // a committed order when the machine loses power
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres, properties.database());
            log.info(
                    "Embedded PostgreSQL started on 127.0.0.1:{} in {} ms, data in {}",
                    postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000,
                    directory);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + directory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Cannot create database " + database, e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as a crash or an administrator would, keeping its data directory: connections break and new
     * ones are refused until {@link #restart()}. For fault tests; the application keeps running.
     */
    public void stop() {
        synchronized (RUNNING) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
            }
        }
    }

    /** Starts the server again after {@link #stop()}, on the same data directory and port (the pool's URL). */
    public void restart() {
        synchronized (RUNNING) {
            postgres = start(dataDirectory, properties, port);
        }
    }

    @Override
    public void close() {
        synchronized (RUNNING) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDirectory);
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
