package dev.bazaar.order.internal;

import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Order administration (everything under /api/v1/admin needs ADMIN). */
@RestController
@RequestMapping(path = "/api/v1/admin/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: orders", description = "All orders and their fulfilment (ADMIN only)")
class AdminOrderController {

    private static final String STATUS = "pending|confirmed|shipped|delivered|cancelled";

    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;

    AdminOrderController(OrderQueries queries, OrderLifecycle lifecycle) {
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    @GetMapping
    @Operation(summary = "All orders, newest first, optionally of one status")
    ApiResponse<OrderPage> all(
            @RequestParam(required = false) @Pattern(regexp = STATUS) String status,
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return ApiResponse.of(queries.page(
                null, status == null ? null : OrderStatus.ofValue(status).orElseThrow(), page, limit));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Any order with its timeline")
    ApiResponse<OrderDetails> one(@PathVariable UUID orderId) {
        return ApiResponse.of(queries.details(orderId));
    }

    @PutMapping(path = "/{orderId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move an order along pending → confirmed → shipped (trackingNumber) → delivered, or cancel it")
    ApiResponse<OrderDetails> move(@PathVariable UUID orderId, @Valid @RequestBody StatusChange body) {
        // the pattern admits only the statuses' values
        return ApiResponse.of(
                lifecycle.move(orderId, OrderStatus.ofValue(body.status()).orElseThrow(), body.trackingNumber()));
    }

    record StatusChange(
            @NotBlank @Pattern(regexp = STATUS) String status,
            @Size(max = 100) String trackingNumber) {}
}
