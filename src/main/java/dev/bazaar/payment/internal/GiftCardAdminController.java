package dev.bazaar.payment.internal;

import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Gift cards (everything under /api/v1/admin needs ADMIN). Codes are case-insensitive, stored in capitals. */
@RestController
@RequestMapping(path = "/api/v1/admin/gift-cards", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: gift cards", description = "Issue gift cards and read their balance (ADMIN only)")
class GiftCardAdminController {

    private final GiftCardStore giftCards;

    GiftCardAdminController(GiftCardStore giftCards) {
        this.giftCards = giftCards;
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a gift card, or set its balance (and whether it can be used)")
    ApiResponse<GiftCardStore.GiftCard> save(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{4,50}") String code, @Valid @RequestBody GiftCardBody body) {
        return ApiResponse.of(giftCards.save(
                PaymentsService.giftCardCode(code),
                Money.of(body.balance(), body.currency()),
                body.active() == null || body.active()));
    }

    @GetMapping("/{code}")
    @Operation(summary = "A gift card and its balance")
    ApiResponse<GiftCardStore.GiftCard> get(@PathVariable String code) {
        return ApiResponse.of(giftCards
                .find(PaymentsService.giftCardCode(code))
                .orElseThrow(() -> DomainException.notFound("Gift card")));
    }

    record GiftCardBody(
            @NotNull @DecimalMin("0") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2)
            BigDecimal balance,

            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,

            Boolean active) {}
}
