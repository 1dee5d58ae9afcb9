package dev.bazaar.cart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A cart priced now: the design's cart shape, with each discount and price change spelled out. */
public record PricedCart(
        UUID cartId,
        List<Item> items,
        int totalItems,
        String currency,
        BigDecimal subtotal,
        List<Discount> discounts,
        BigDecimal discount,
        BigDecimal shipping,
        BigDecimal total,
        CouponState coupon) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            UUID id,
            Product product,
            int quantity,
            BigDecimal price,
            BigDecimal subtotal,
            BigDecimal bulkDiscount,
            boolean priceChanged,
            BigDecimal previousPrice,
            Integer available,
            boolean unavailable,
            boolean currencyMismatch) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Product(UUID id, String title, BigDecimal price, String currency, String imageUrl) {}

    public record Discount(String type, String description, BigDecimal amount) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CouponState(String code, boolean applied, String note) {}
}
