package dev.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.BazaarApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** First starts on an empty database: the demo catalog, or a generated one, is loaded and searchable. */
class CatalogImportTest {

    @Test
    void firstStartImportsTheDemoCatalogAndIndexesIt() throws Exception {
        try (ConfigurableApplicationContext app = start("--bazaar.demo.enabled=true")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(api.get("/api/v1/products?limit=1", null)
                            .data()
                            .path("pagination")
                            .path("total")
                            .asLong())
                    .isEqualTo(3794);
            assertThat(api.get("/api/v1/categories/home-decor", null)
                            .data()
                            .path("children")
                            .size())
                    .isGreaterThan(3);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(api.get("/api/v1/products/search?q=hanging%20heart", null)
                                    .data()
                                    .path("pagination")
                                    .path("total")
                                    .asLong())
                            .isGreaterThan(10));
            assertThat(api.get("/api/v1/products/search?q=hanging%20heart", null)
                            .data()
                            .path("products")
                            .get(0)
                            .path("currency")
                            .asString())
                    .isEqualTo("GBP");
        }
    }

    @Test
    void generatesASyntheticCatalogIntoAnEmptyDatabase() throws Exception {
        try (ConfigurableApplicationContext app = start("--bazaar.generate.products=2000")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(api.get("/api/v1/products?limit=1", null)
                            .data()
                            .path("pagination")
                            .path("total")
                            .asLong())
                    .isEqualTo(2000);
            var product = api.get("/api/v1/products?limit=1&sort=price:desc", null)
                    .data()
                    .path("products")
                    .get(0);
            assertThat(product.path("stock").isInt()).isTrue();
            assertThat(product.path("specifications").size()).isPositive();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(api.get("/api/v1/products/search?limit=1", null)
                                    .data()
                                    .path("pagination")
                                    .path("total")
                                    .asLong())
                            .isEqualTo(2000));
        }
    }

    private static ConfigurableApplicationContext start(String... args) throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "import-");
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--bazaar.data-dir=" + dataDir.toAbsolutePath();
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(BazaarApplication.class)
                .profiles("test")
                .run(all);
    }
}
