package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.BazaarApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping and starting the application on the same data directory keeps users and their sign-in keys. */
class RestartPersistenceTest {

    @Test
    void aRegisteredUserSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "restart-");
        String email = "persistent-" + UUID.randomUUID() + "@example.com";
        String password = "survives a restart";
        String accessToken;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = new Api(port(first));
            Api.Response registered = api.post(
                    "/api/v1/auth/register", Map.of("email", email, "name", "Persistent", "password", password), null);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
            Api.Response signedIn = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
            accessToken = signedIn.data().path("tokens").path("accessToken").asString();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(port(second));
            // the signing key was persisted too, so a token issued before the restart still verifies
            assertThat(api.get("/api/v1/users/me", accessToken)
                            .data()
                            .path("email")
                            .asString())
                    .isEqualTo(email);
            assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null)
                            .status())
                    .isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(BazaarApplication.class)
                .profiles("test")
                .run("--server.port=0", "--bazaar.data-dir=" + dataDir.toAbsolutePath());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
