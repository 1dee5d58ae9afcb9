package dev.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What modules cache reads back from Redis as what they put in, whatever its shape: the value's class is stored
 * with it, down to list elements and the root. The HTTP round trips of every real cache are in {@code
 * RedisCacheTest}; these are the shapes a module may add next.
 */
class CacheValueJsonTest {

    private final RedisSerializer<Object> json = CacheValueJson.serializer();

    /** Package-private and nested, like the records of modules' internal packages. */
    record Line(UUID id, int quantity, BigDecimal price, OffsetDateTime addedAt, List<String> tags) {}

    record Cart(UUID id, String coupon, List<Line> lines, Map<String, Object> attributes) {}

    enum Kind {
        POPULAR,
        SIMILAR
    }

    record Scored(Kind kind, double score, long count, Optional<String> note) {}

    /** A price written as the API writes it, {@code "price": 9.99, "currency": "USD"}, read back by a creator. */
    record Priced(
            @JsonSerialize(using = Money.AmountJson.class) Money price, List<Priced> related) {

        @JsonCreator
        static Priced fromJson(
                @JsonProperty("price") BigDecimal price,
                @JsonProperty("currency") String currency,
                @JsonProperty("related") List<Priced> related) {
            return new Priced(Money.of(price, currency), related);
        }

        @JsonProperty
        public String currency() {
            return price.currency();
        }
    }

    private Object roundTrip(Object value) {
        return json.deserialize(json.serialize(value));
    }

    @Test
    void recordsWithListsDecimalsAndTimesReadBackEqual() {
        Line line = new Line(
                UUID.randomUUID(),
                3,
                new BigDecimal("19.90"),
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6000, ZoneOffset.UTC),
                List.of("a", "b"));
        Cart cart = new Cart(UUID.randomUUID(), null, List.of(line), Map.of("gift", true, "note", "x"));
        Object read = roundTrip(cart);
        assertThat(read).isEqualTo(cart);
        assertThat(((Cart) read).lines().getFirst().price().scale()).isEqualTo(2);
    }

    @Test
    void listsAsTheValueItselfKeepTheirElementTypes() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(roundTrip(ids)).isEqualTo(ids);
        assertThat(((List<?>) roundTrip(ids)).getFirst()).isInstanceOf(UUID.class);
        List<Scored> scored = Stream.of(
                        new Scored(Kind.POPULAR, 0.5, 7L, Optional.empty()),
                        new Scored(Kind.SIMILAR, 1.5, 8L, Optional.of("n")))
                .toList();
        assertThat(roundTrip(scored)).isEqualTo(scored);
        assertThat(roundTrip(List.of())).isEqualTo(List.of());
        assertThat(roundTrip(List.of(UUID.randomUUID()))).asList().hasSize(1);
        assertThat(roundTrip(new ArrayList<>(List.of("x")))).isEqualTo(List.of("x"));
        assertThat(roundTrip(Set.of("y"))).isEqualTo(Set.of("y"));
    }

    @Test
    void aMoneyWrittenAsItsBareAmountReadsBackThroughItsCreator() {
        Priced priced = new Priced(Money.of("9.99", "EUR"), List.of(new Priced(Money.of("0.50", "EUR"), List.of())));

        assertThat(new String(json.serialize(priced), StandardCharsets.UTF_8)).contains("\"price\":9.99");
        assertThat(roundTrip(priced)).isEqualTo(priced);
    }

    @Test
    void numbersKeepTheirType() {
        assertThat(roundTrip(42L)).isEqualTo(42L).isInstanceOf(Long.class);
        assertThat(roundTrip(42)).isEqualTo(42).isInstanceOf(Integer.class);
        assertThat(roundTrip(new BigDecimal("4.50"))).isEqualTo(new BigDecimal("4.50"));
        assertThat(roundTrip("text")).isEqualTo("text");
        assertThat(roundTrip(Map.of("k", 1L))).isEqualTo(Map.of("k", 1L));
        assertThat(roundTrip(Map.of("k", List.of(1L), "l", Map.of())))
                .isEqualTo(Map.of("k", List.of(1L), "l", Map.of()));
    }

    @Test
    void aStoredValueNamingAClassOutsideBazaarAndTheJdkIsRefused() {
        byte[] tampered = "[\"org.springframework.context.support.ClassPathXmlApplicationContext\",\"http://x\"]"
                .getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.deserialize(tampered))
                .isInstanceOf(SerializationException.class);
    }
}
