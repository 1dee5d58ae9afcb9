package dev.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.StoreFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * V21 converts the idempotency keys answered before it (kept as the HTTP status and body they got) into the
 * checkout outcome kept since. A key answered just before the upgrade must replay the same answer after it: this
 * test takes real answers of today's API (an order placed, a card declined, a refusal), stores them the way V11 to
 * V20 kept them in a database of its own migrated to V20, migrates it on, and renders what the store reads back.
 */
class OutcomeMigrationTest extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    @Test
    void aKeyAnsweredBeforeTheUpgradeReplaysTheSameAnswerAfterIt() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String product = newProduct(admin, newCategory(admin, "migrate"), "Migrated Mug", "9.50", 10);
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        SignedInUser buyer = registerCustomer();
        store.addToCart(buyer, product, 2);
        answers.put("placed", store.placeOrder(buyer, key(), StoreFixture.cardOrder("tok_visa")));
        SignedInUser declined = registerCustomer();
        store.addToCart(declined, product, 1);
        answers.put("declined", store.placeOrder(declined, key(), StoreFixture.cardOrder("tok_declined")));
        answers.put("refused", store.placeOrder(registerCustomer(), key(), StoreFixture.cardOrder("tok_visa")));
        assertThat(answers.get("placed").status()).isEqualTo(201);
        assertThat(answers.get("declined").status()).isEqualTo(402);
        assertThat(answers.get("refused").status()).isBetween(400, 499);

        Path directory = Files.createTempDirectory("outcome-migration");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            DataSource database = postgres.getPostgresDatabase();
            migrate(database, "20");
            JdbcClient jdbc = JdbcClient.create(database);
            UUID user = jdbc.sql(
                            "INSERT INTO users (email, name, password_hash) VALUES ('old@example.com', 'Old', '-') "
                                    + "RETURNING id")
                    .query(UUID.class)
                    .single();
            answers.forEach((key, answer) -> jdbc.sql("INSERT INTO order_requests "
                            + "(user_id, idempotency_key, request_hash, response_status, response_body) "
                            + "VALUES (:user, :key, :hash, :status, :body)")
                    .param("user", user)
                    .param("key", key)
                    .param("hash", "0".repeat(64))
                    .param("status", answer.status())
                    .param("body", answer.body())
                    .update());

            migrate(database, "latest");

            OrderRequestStore requests = new OrderRequestStore(jdbc, json);
            for (var entry : answers.entrySet()) {
                CheckoutOutcome outcome =
                        requests.find(user, entry.getKey()).orElseThrow().outcome();
                ResponseEntity<Object> replay = CheckoutAnswer.of(outcome);
                assertThat(replay.getStatusCode().value())
                        .as(entry.getKey())
                        .isEqualTo(entry.getValue().status());
                assertThat(json.readTree(json.writeValueAsString(replay.getBody())))
                        .as(entry.getKey())
                        .isEqualTo(json.readTree(entry.getValue().body()));
            }
        }
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
