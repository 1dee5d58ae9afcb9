package dev.bazaar.order.internal;

import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Checkout and the caller's orders")
class OrderController {

    private final Checkout checkout;
    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;

    OrderController(Checkout checkout, OrderQueries queries, OrderLifecycle lifecycle) {
        this.checkout = checkout;
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Place an order from the cart",
            description = "Idempotency-Key is required: the same key and body return the first response (no second "
                    + "order or charge); the same key with another body answers 422; while the first is in flight, "
                    + "409. 409 INSUFFICIENT_STOCK, 402 PAYMENT_DECLINED (cart kept), 503 PAYMENT_UNAVAILABLE (retry "
                    + "with the same key). 409 CHECKOUT_IN_PROGRESS (the cart's order is still unanswered), "
                    + "PRICE_CHANGED (confirm with expectedTotal or acceptPriceChanges), CURRENCY_MISMATCH, "
                    + "PENDING_ORDER_LIMIT, HELD_UNITS_LIMIT, COUPON_LIMIT_REACHED, ORDER_CANCELLED (the key's order "
                    + "was cancelled); 422 ORDER_TOO_LARGE. A refusal that created nothing frees the key.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = OrderDetailsResponse.class)))
    ResponseEntity<Object> place(
            CurrentUser user,
            @RequestHeader("Idempotency-Key")
                    @Pattern(regexp = "[A-Za-z0-9_.:-]{8,100}", message = "must be 8-100 letters, digits or _.:-")
                    String key,
            @Valid @RequestBody PlaceOrderRequest request) {
        return CheckoutAnswer.of(checkout.place(user.id(), key, request));
    }

    @GetMapping
    @Operation(summary = "My orders, newest first")
    ApiResponse<OrderPage> mine(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return ApiResponse.of(queries.page(user.id(), null, page, limit));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One of my orders with its tracking timeline")
    ApiResponse<OrderDetails> one(CurrentUser user, @PathVariable UUID orderId) {
        return ApiResponse.of(queries.detailsFor(user.id(), orderId));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel my order before it ships: restocks, and refunds what was paid")
    ApiResponse<OrderDetails> cancel(CurrentUser user, @PathVariable UUID orderId) {
        return ApiResponse.of(lifecycle.cancelByCustomer(user.id(), orderId));
    }

    /** Documents the success envelope of {@link #place}. */
    record OrderDetailsResponse(boolean success, OrderDetails data) {}
}
