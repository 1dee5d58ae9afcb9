package dev.bazaar.inventory.internal;

import dev.bazaar.inventory.StockAdministration.StockView;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.MediaType;
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

    private final StockAdministrationService administration;

    InventoryAdminController(StockAdministrationService administration) {
        this.administration = administration;
    }

    @GetMapping("/{productId}")
    @Operation(summary = "On hand, reserved, available, and the latest movements")
    ApiResponse<StockView> get(@PathVariable UUID productId) {
        administration.requireStockRecord(productId);
        return ApiResponse.of(administration.level(productId));
    }

    @PutMapping(path = "/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set (onHand) or adjust (adjustBy) the units on hand, with a reason kept in the history")
    ApiResponse<StockView> change(@PathVariable UUID productId, @Valid @RequestBody StockChange body) {
        if ((body.onHand() == null) == (body.adjustBy() == null)) {
            throw DomainException.invalidRequest("VALIDATION_FAILED", "Give exactly one of onHand and adjustBy", null);
        }
        administration.requireStockRecord(productId);
        return ApiResponse.of(administration.adjust(productId, body.onHand(), body.adjustBy(), body.reason()));
    }

    record StockChange(
            @Min(0) @Max(10_000_000) Integer onHand,
            @Min(-10_000_000) @Max(10_000_000) Integer adjustBy,
            @NotBlank @Size(max = 255) String reason) {}
}
