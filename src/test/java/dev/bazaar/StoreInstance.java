package dev.bazaar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the application started by a test on a data directory of its own (its own embedded PostgreSQL and
 * search index), for fault tests that stop it and start another on the same data (a crash and a restart), as an
 * operator would with {@code ./bazaar start}. Waits until the instance is ready. The store's steps (users, catalog,
 * carts, orders) are the {@link StoreFixture}'s, made on this instance.
 */
public final class StoreInstance extends StoreFixture implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private StoreInstance(ConfigurableApplicationContext context, Api api) {
        super(api);
        this.context = context;
        this.api = api;
        api.awaitReadiness(Duration.ofSeconds(180));
    }

    private StoreInstance(ConfigurableApplicationContext context) {
        this(
                context,
                new Api(((WebServerApplicationContext) context).getWebServer().getPort()));
    }

    /** A fresh data directory under target/. */
    public static Path newDataDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the application (profile "test") on {@code dataDir}, with extra {@code --key=value} arguments. */
    public static StoreInstance start(Path dataDir, String... arguments) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--bazaar.data-dir=" + dataDir.toAbsolutePath(),
                "--bazaar.admin.email=" + IntegrationTest.ADMIN_EMAIL));
        args.addAll(List.of(arguments));
        return new StoreInstance(new SpringApplicationBuilder(BazaarApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new)));
    }

    public Api api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
