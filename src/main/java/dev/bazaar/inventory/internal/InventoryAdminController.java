package dev.bazaar.inventory.internal;

import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stock administration (everything under /api/v1/admin needs ADMIN). */
@RestController
@RequestMapping(path = "/api/v1/admin/inventory", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: inventory", description = "Stock levels and their history (ADMIN only)")
class InventoryAdminController {

    private final InventoryService stock;
    private final StockMovementStore movements;
    private final StockAlerts alerts;
    private final JdbcClient jdbc;

    InventoryAdminController(
            InventoryService stock, StockMovementStore movements, StockAlerts alerts, JdbcClient jdbc) {
        this.stock = stock;
        this.movements = movements;
        this.alerts = alerts;
        this.jdbc = jdbc;
    }

    @GetMapping("/{productId}")
    @Operation(summary = "On hand, reserved, available, and the latest movements")
    ApiResponse<StockView> get(@PathVariable UUID productId) {
        requireProduct(productId);
        InventoryService.Level level = stock.level(productId);
        return ApiResponse.of(view(level));
    }

    @PutMapping(path = "/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set (onHand) or adjust (adjustBy) the units on hand, with a reason kept in the history")
    ApiResponse<StockView> change(@PathVariable UUID productId, @Valid @RequestBody StockChange body) {
        if ((body.onHand() == null) == (body.adjustBy() == null)) {
            throw DomainException.invalidRequest("VALIDATION_FAILED", "Give exactly one of onHand and adjustBy", null);
        }
        requireProduct(productId);
        return ApiResponse.of(view(stock.adjust(productId, body.onHand(), body.adjustBy(), body.reason())));
    }

    private StockView view(InventoryService.Level level) {
        return new StockView(
                level.productId(),
                level.onHand(),
                level.reserved(),
                level.available(),
                alerts.threshold(),
                movements.recent(level.productId(), 20));
    }

    private void requireProduct(UUID productId) {
        // every product gets its stock row when the catalog creates or loads it
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM inventory_items WHERE product_id = :id)")
                .param("id", productId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw DomainException.notFound("Product");
        }
    }

    record StockChange(
            @Min(0) @Max(10_000_000) Integer onHand,
            @Min(-10_000_000) @Max(10_000_000) Integer adjustBy,
            @NotBlank @Size(max = 255) String reason) {}

    record StockView(
            UUID productId,
            int onHand,
            int reserved,
            int available,
            int lowStockThreshold,
            List<StockMovementStore.Movement> movements) {}
}
