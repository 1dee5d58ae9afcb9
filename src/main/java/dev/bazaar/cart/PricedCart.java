package dev.bazaar.cart;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A cart priced now: the design's cart shape, with each discount and price change spelled out. Every amount is in
 * the cart's currency, its first available line's. A cart without an available line (empty, or only products taken
 * off sale) has no currency yet: its amounts are null here and {@code 0.00} in JSON, beside {@code "currency":
 * null}, as the API has always answered an empty cart.
 *
 * <p>JSON keeps the design's shape, the amounts as numbers with one {@code currency} for the cart (and one per
 * product); the {@code @JsonCreator}s read it back, as the {@code cart} cache does.
 */
@JsonPropertyOrder({
    "cartId",
    "items",
    "totalItems",
    "currency",
    "subtotal",
    "discounts",
    "discount",
    "shipping",
    "total",
    "coupon"
})
public record PricedCart(
        UUID cartId,
        List<Item> items,
        int totalItems,

        @JsonSerialize(using = Money.AmountJson.class, nullsUsing = ZeroWithoutCurrency.class)
        Money subtotal,

        List<Discount> discounts,

        @JsonSerialize(using = Money.AmountJson.class, nullsUsing = ZeroWithoutCurrency.class)
        Money discount,

        @JsonSerialize(using = Money.AmountJson.class, nullsUsing = ZeroWithoutCurrency.class)
        Money shipping,

        @JsonSerialize(using = Money.AmountJson.class, nullsUsing = ZeroWithoutCurrency.class)
        Money total,

        CouponState coupon) {

    @JsonCreator
    static PricedCart fromJson(
            @JsonProperty("cartId") UUID cartId,
            @JsonProperty("items") List<Item> items,
            @JsonProperty("totalItems") int totalItems,
            @JsonProperty("currency") String currency,
            @JsonProperty("subtotal") BigDecimal subtotal,
            @JsonProperty("discounts") List<DiscountJson> discounts,
            @JsonProperty("discount") BigDecimal discount,
            @JsonProperty("shipping") BigDecimal shipping,
            @JsonProperty("total") BigDecimal total,
            @JsonProperty("coupon") CouponState coupon) {
        return new PricedCart(
                cartId,
                items,
                totalItems,
                money(subtotal, currency),
                discounts == null
                        ? List.of()
                        : discounts.stream()
                                .map(read ->
                                        new Discount(read.type(), read.description(), money(read.amount(), currency)))
                                .toList(),
                money(discount, currency),
                money(shipping, currency),
                money(total, currency),
                coupon);
    }

    /** The cart's currency: its first available line's; null while it has none. */
    @JsonProperty
    public String currency() {
        return total == null ? null : total.currency();
    }

    /**
     * A line. {@code price}, {@code subtotal}, {@code bulkDiscount} and {@code previousPrice} are in the product's
     * currency; a line whose product is no longer for sale has no price and a subtotal of {@code 0.00} without a
     * currency (null here).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            UUID id,
            Product product,
            int quantity,
            @JsonSerialize(using = Money.AmountJson.class) Money price,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @JsonSerialize(using = Money.AmountJson.class, nullsUsing = ZeroWithoutCurrency.class)
            Money subtotal,

            @JsonSerialize(using = Money.AmountJson.class) Money bulkDiscount,
            boolean priceChanged,
            @JsonSerialize(using = Money.AmountJson.class) Money previousPrice,
            Integer available,
            boolean unavailable,
            boolean currencyMismatch) {

        @JsonCreator
        static Item fromJson(
                @JsonProperty("id") UUID id,
                @JsonProperty("product") Product product,
                @JsonProperty("quantity") int quantity,
                @JsonProperty("price") BigDecimal price,
                @JsonProperty("subtotal") BigDecimal subtotal,
                @JsonProperty("bulkDiscount") BigDecimal bulkDiscount,
                @JsonProperty("priceChanged") boolean priceChanged,
                @JsonProperty("previousPrice") BigDecimal previousPrice,
                @JsonProperty("available") Integer available,
                @JsonProperty("unavailable") boolean unavailable,
                @JsonProperty("currencyMismatch") boolean currencyMismatch) {
            String currency = product == null ? null : product.currency();
            return new Item(
                    id,
                    product,
                    quantity,
                    money(price, currency),
                    money(subtotal, currency),
                    money(bulkDiscount, currency),
                    priceChanged,
                    money(previousPrice, currency),
                    available,
                    unavailable,
                    currencyMismatch);
        }
    }

    /** The product of a line; only its id for a product no longer for sale. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "title", "price", "currency", "imageUrl"})
    public record Product(
            UUID id,
            String title,
            @JsonSerialize(using = Money.AmountJson.class) Money price,
            String imageUrl) {

        @JsonCreator
        static Product fromJson(
                @JsonProperty("id") UUID id,
                @JsonProperty("title") String title,
                @JsonProperty("price") BigDecimal price,
                @JsonProperty("currency") String currency,
                @JsonProperty("imageUrl") String imageUrl) {
            return new Product(id, title, money(price, currency), imageUrl);
        }

        @JsonProperty
        public String currency() {
            return price == null ? null : price.currency();
        }
    }

    /**
     * A discount, in the cart's currency. Written without a type wrapper even in a cache, so that the cart's reader
     * ({@link PricedCart#fromJson}) can read its amount and give it the cart's currency.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    public record Discount(
            String type,
            String description,
            @JsonSerialize(using = Money.AmountJson.class) Money amount) {}

    /** A {@link Discount} as JSON has it: the amount without its currency, which is the cart's. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private record DiscountJson(String type, String description, BigDecimal amount) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CouponState(String code, boolean applied, String note) {}

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : Money.of(amount, currency);
    }

    /** An amount of a cart without a currency: {@code 0.00}, as the API writes an empty cart's amounts. */
    static final class ZeroWithoutCurrency extends StdSerializer<Object> {

        private static final BigDecimal ZERO = new BigDecimal("0.00");

        ZeroWithoutCurrency() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator json, SerializationContext context) {
            json.writeNumber(ZERO);
        }
    }
}
