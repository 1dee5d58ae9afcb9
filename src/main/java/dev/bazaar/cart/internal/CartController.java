package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart of whoever calls: a signed-in user's, or a guest's identified by the cart token (header
 * {@code X-Cart-Token} or cookie {@code cart_token}) issued with the guest's first addition. A signed-in call
 * that still carries a guest token first merges that guest cart (see {@link CartService#merge}).
 */
@RestController
@RequestMapping(path = "/api/v1/cart", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cart", description = "The caller's shopping cart, for guests and signed-in users")
class CartController {

    private final CartService carts;
    private final GuestCartTokens tokens;
    private final CartOwners owners;

    CartController(CartService carts, GuestCartTokens tokens, CartOwners owners) {
        this.carts = carts;
        this.tokens = tokens;
        this.owners = owners;
    }

    @GetMapping
    @Operation(summary = "The cart priced now, with price changes since each item was added flagged")
    ApiResponse<PricedCart> cart(HttpServletRequest request, HttpServletResponse response) {
        return ApiResponse.of(carts.view(owner(request, response)));
    }

    @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add units of a product",
            description = "Adding a product already in the cart adds to its line. 409 with the available quantity "
                    + "when stock is short, 409 CURRENCY_MISMATCH for a product in another currency than the cart's, 422 "
                    + "CART_FULL beyond the line limit. A guest's first addition (or one with a token the server "
                    + "does not know) returns a new cart token.")
    ApiResponse<AddedToCart> add(
            @Valid @RequestBody AddItem body, HttpServletRequest request, HttpServletResponse response) {
        CartOwner owner = owners.withCart(request, response);
        CartService.AddResult result = carts.add(owner, body.productId(), body.quantity());
        CartRows.Line line = result.line();
        return ApiResponse.of(new AddedToCart(
                new AddedToCart.CartItem(line.id(), line.productId(), line.quantity(), line.priceWhenAdded()),
                new AddedToCart.CartSummary(
                        result.cart().cartId(),
                        result.cart().totalItems(),
                        amount(result.cart().total()))));
    }

    @PutMapping(path = "/items/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the quantity of a line (1–99)")
    ApiResponse<UpdatedItem> update(
            @PathVariable UUID itemId,
            @Valid @RequestBody ChangeQuantity body,
            HttpServletRequest request,
            HttpServletResponse response) {
        PricedCart.Item item = carts.update(owner(request, response), itemId, body.quantity());
        return ApiResponse.of(
                new UpdatedItem(new UpdatedItem.CartItem(item.id(), item.quantity(), amount(item.subtotal()))));
    }

    @DeleteMapping("/items/{itemId}")
    @Operation(summary = "Remove a line")
    ApiResponse<Void> remove(@PathVariable UUID itemId, HttpServletRequest request, HttpServletResponse response) {
        carts.remove(owner(request, response), itemId);
        return ApiResponse.message("Item removed from cart");
    }

    @DeleteMapping
    @Operation(summary = "Empty the cart")
    ApiResponse<Void> clear(HttpServletRequest request, HttpServletResponse response) {
        carts.clear(owner(request, response));
        return ApiResponse.message("Cart cleared");
    }

    @PostMapping(path = "/coupon", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply a coupon code; unknown or expired codes answer 422")
    ApiResponse<PricedCart> applyCoupon(
            @Valid @RequestBody ApplyCoupon body, HttpServletRequest request, HttpServletResponse response) {
        return ApiResponse.of(carts.applyCoupon(owner(request, response), body.code()));
    }

    @DeleteMapping("/coupon")
    @Operation(summary = "Remove the coupon")
    ApiResponse<PricedCart> removeCoupon(HttpServletRequest request, HttpServletResponse response) {
        return ApiResponse.of(carts.removeCoupon(owner(request, response)));
    }

    @PostMapping("/merge")
    @Operation(
            summary = "Merge a guest cart into the signed-in user's cart",
            description = "Send the guest token as X-Cart-Token (or the cookie). Same products add up, capped by "
                    + "stock and the per-line maximum; the guest cart is then gone. Signing in does this too.")
    ApiResponse<PricedCart> merge(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        String token = tokens.presented(request)
                .orElseThrow(() -> DomainException.invalidRequest(
                        "MISSING_CART_TOKEN", "Send the guest cart token as X-Cart-Token", null));
        PricedCart merged = carts.merge(user.id(), GuestCartTokens.hash(token));
        tokens.forget(response);
        return ApiResponse.of(merged);
    }

    private CartOwner owner(HttpServletRequest request, HttpServletResponse response) {
        return owners.of(request, response);
    }

    record AddItem(
            @NotNull UUID productId,
            @NotNull @Min(1) @Max(99) Integer quantity) {}

    record ChangeQuantity(@NotNull @Min(1) @Max(99) Integer quantity) {}

    record ApplyCoupon(@NotBlank @Size(max = 50) String code) {}

    /** An amount as these answers write it: the number only, {@code 0.00} for a cart without a currency. */
    private static BigDecimal amount(Money money) {
        return money == null ? BigDecimal.ZERO.setScale(2) : money.amount();
    }

    record AddedToCart(CartItem cartItem, CartSummary cart) {
        record CartItem(UUID id, UUID productId, int quantity, BigDecimal price) {}

        record CartSummary(UUID cartId, int totalItems, BigDecimal total) {}
    }

    record UpdatedItem(CartItem cartItem) {
        record CartItem(UUID id, int quantity, BigDecimal subtotal) {}
    }
}
