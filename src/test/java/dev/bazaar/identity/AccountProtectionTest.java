package dev.bazaar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 15, item 10: password guessing against one account is slowed down per account, without a lock-out lever. */
class AccountProtectionTest extends IntegrationTest {

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaits() {
        SignedInUser user = registerCustomer();
        for (int i = 0; i < 5; i++) {
            assertThat(login(user.email(), "wrong password " + i).status()).isEqualTo(401);
        }
        Api.Response right = login(user.email(), user.password());
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(right.error().path("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(right.body()).doesNotContain("tokens");
    }

    @Test
    void anUnknownEmailIsSlowedDownTheSameWay() {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
        }
        assertThat(login(email, "any password").status()).isEqualTo(429);
    }

    @Test
    void aGuesserElsewhereCannotLockTheOwnerOut() throws IOException {
        SignedInUser user = registerCustomer();
        for (int i = 0; i < 8; i++) {
            login(user.email(), "wrong password " + i);
        }
        assertThat(login(user.email(), user.password()).status()).isEqualTo(429);

        // the owner, from another address, signs in at once
        String owner = rawLogin(InetAddress.getByName("127.0.0.2"), user.email(), user.password());
        assertThat(owner).startsWith("HTTP/1.1 200");
    }

    @Test
    void aSuccessResetsTheCount() {
        SignedInUser user = registerCustomer();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(login(user.email(), "wrong password " + i).status()).isEqualTo(401);
            }
            assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
        }
    }

    private Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    /** A sign-in sent from another loopback address, as from another client's network. */
    private String rawLogin(InetAddress from, String email, String password) throws IOException {
        String body = Api.json(Map.of("email", email, "password", password));
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Content-Type: application/json\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
