package dev.bazaar.payment.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.platform.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.annotation.JsonSerialize;

/** The {@code gift_cards} table. Balances change only by single SQL statements, so concurrent use is safe. */
@Repository
class GiftCardStore {

    private final JdbcClient jdbc;

    GiftCardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GiftCard> find(String code) {
        return jdbc.sql("SELECT code, balance, currency, active, created_at, updated_at FROM gift_cards "
                        + "WHERE code = :code")
                .param("code", code)
                .query((rs, row) -> new GiftCard(
                        rs.getString("code"),
                        Money.of(rs.getBigDecimal("balance"), rs.getString("currency")),
                        rs.getBoolean("active"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Creates the card or sets its balance, currency and whether it can be used. */
    GiftCard save(String code, Money balance, boolean active) {
        jdbc.sql(
                        "INSERT INTO gift_cards (code, balance, currency, active) VALUES (:code, :balance, :currency, :active) "
                                + "ON CONFLICT (code) DO UPDATE SET balance = EXCLUDED.balance, currency = EXCLUDED.currency, "
                                + "active = EXCLUDED.active, updated_at = now()")
                .param("code", code)
                .param("balance", balance.amount())
                .param("currency", balance.currency())
                .param("active", active)
                .update();
        return find(code).orElseThrow();
    }

    /**
     * Takes {@code amount} off the balance if the card exists, is active, is in its currency and holds enough:
     * one statement, so two checkouts spending the same card at once queue on its row and the second sees the
     * balance the first left.
     */
    boolean debit(String code, Money amount) {
        return jdbc.sql("UPDATE gift_cards SET balance = balance - :amount, updated_at = now() WHERE code = :code "
                                + "AND balance >= :amount AND active AND currency = :currency")
                        .param("code", code)
                        .param("amount", amount.amount())
                        .param("currency", amount.currency())
                        .update()
                == 1;
    }

    /** Puts {@code amount} back on the card (a refund), whether or not it is still active. */
    void credit(String code, Money amount) {
        jdbc.sql("UPDATE gift_cards SET balance = balance + :amount, updated_at = now() WHERE code = :code")
                .param("code", code)
                .param("amount", amount.amount())
                .update();
    }

    /** In the admin API as {@code "balance": 25.00, "currency": "USD"}. */
    record GiftCard(
            String code,
            @JsonSerialize(using = Money.AmountJson.class) Money balance,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {

        @JsonProperty
        String currency() {
            return balance.currency();
        }
    }
}
