package dev.bazaar.cart.internal;

import dev.bazaar.cart.CartItemAdded;
import dev.bazaar.cart.CartItemRemoved;
import dev.bazaar.cart.PricedCart;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ErrorDetail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cart operations. PostgreSQL is written first, synchronously, and each change evicts the signed-in shopper's
 * priced cart from {@link PricedCartCache}, which serves their reads until the next change of the cart or of what
 * it is priced with. Carts are priced by {@link CartPricing} at the catalog's current prices.
 */
@Service
class CartService {

    private final CartStore store;
    private final CouponStore coupons;
    private final CartPricing pricing;
    private final ProductCatalog catalog;
    private final Inventory inventory;
    private final CartProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final PricedCartCache cache;

    CartService(
            CartStore store,
            CouponStore coupons,
            CartPricing pricing,
            ProductCatalog catalog,
            Inventory inventory,
            CartProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            PricedCartCache cache) {
        this.store = store;
        this.coupons = coupons;
        this.pricing = pricing;
        this.catalog = catalog;
        this.inventory = inventory;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.cache = cache;
    }

    PricedCart view(CartOwner owner) {
        return switch (owner) {
            case CartOwner.User user ->
                cache.get(user.userId(), () -> price(owner, store.load(owner).orElse(CartRows.empty())));
            case CartOwner.Guest guest ->
                price(owner, store.load(owner).orElse(CartRows.empty())).cart();
            case CartOwner.NewGuest ignored -> price(owner, CartRows.empty()).cart();
        };
    }

    /**
     * Adds units of an active product. Fails with 409 and the available quantity when the line would hold more
     * than the stock, 400 above the per-line maximum, 422 {@code CART_FULL} when a new line would exceed the
     * lines a cart may hold, and 409 {@code CURRENCY_MISMATCH} when the product is priced in another currency
     * than the cart's. One statement writes the addition and locks the cart's row, so concurrent additions are
     * checked one after the other; a refused addition rolls back. The answer is priced from the lines read in
     * that transaction, not read again.
     */
    AddResult add(CartOwner owner, UUID productId, int quantity) {
        ProductCard product = catalog.card(productId).orElseThrow(() -> DomainException.notFound("Product"));
        Added added = transactions.execute(tx -> {
            CartStore.AddedUnits units =
                    store.addToCart(owner, productId, quantity, product.price().amount(), properties.maxLineQuantity());
            CartRows.Line line = units.line()
                    .orElseThrow(() -> DomainException.invalidField(
                            "quantity", "a line holds at most " + properties.maxLineQuantity() + " units"));
            List<CartRows.Line> lines = store.lines(units.cartId());
            Map<UUID, ProductCard> cards = cards(lines);
            // a line that existed already held at least one unit, so only a new line holds exactly the addition
            boolean newLine = line.quantity() == quantity;
            if (newLine && lines.size() > properties.maxLines()) {
                throw new DomainException(
                        DomainException.Kind.UNPROCESSABLE,
                        "CART_FULL",
                        "A cart holds at most " + properties.maxLines() + " different products",
                        List.of(new ErrorDetail("productId", "lines: " + (lines.size() - 1))));
            }
            List<CartRows.Line> before = newLine
                    ? lines.stream()
                            .filter(existing -> !existing.id().equals(line.id()))
                            .toList()
                    : lines;
            cartCurrency(before, cards)
                    .filter(currency -> !currency.equals(product.currency()))
                    .ifPresent(currency -> {
                        throw currencyMismatch(currency, product.currency());
                    });
            ProductCard now = cards.get(productId);
            if (now == null) {
                throw DomainException.notFound("Product"); // taken off sale since it was read above
            }
            requireStock(line.quantity(), now.stock());
            events.publishEvent(new CartItemAdded(units.cartId(), userOf(owner), productId, quantity, Instant.now()));
            return new Added(
                    line,
                    new CartRows(units.cartId(), userOf(owner), units.couponCode(), units.cartUpdatedAt(), lines),
                    cards);
        });
        evict(owner);
        return new AddResult(
                added.line(), price(owner, added.rows(), added.cards()).cart());
    }

    /** Sets a line's quantity; the line must be in the owner's cart (else 404). */
    PricedCart.Item update(CartOwner owner, UUID itemId, int quantity) {
        transactions.executeWithoutResult(tx -> {
            UUID cartId = cartIdOf(owner).orElseThrow(CartService::itemNotFound);
            CartRows.Line line = store.lockLine(cartId, itemId).orElseThrow(CartService::itemNotFound);
            if (quantity > line.quantity()) {
                requireStock(quantity, inventory.available(line.productId()));
            }
            store.setQuantity(itemId, quantity);
            store.touch(cartId);
            int difference = quantity - line.quantity();
            if (difference > 0) {
                events.publishEvent(
                        new CartItemAdded(cartId, userOf(owner), line.productId(), difference, Instant.now()));
            } else if (difference < 0) {
                events.publishEvent(
                        new CartItemRemoved(cartId, userOf(owner), line.productId(), -difference, Instant.now()));
            }
        });
        evict(owner);
        return view(owner).items().stream()
                .filter(item -> item.id().equals(itemId))
                .findFirst()
                .orElseThrow(CartService::itemNotFound);
    }

    void remove(CartOwner owner, UUID itemId) {
        transactions.executeWithoutResult(tx -> {
            UUID cartId = cartIdOf(owner).orElseThrow(CartService::itemNotFound);
            CartRows.Line line = store.lockLine(cartId, itemId).orElseThrow(CartService::itemNotFound);
            store.deleteLine(itemId);
            store.touch(cartId);
            events.publishEvent(
                    new CartItemRemoved(cartId, userOf(owner), line.productId(), line.quantity(), Instant.now()));
        });
        evict(owner);
    }

    void clear(CartOwner owner) {
        transactions.executeWithoutResult(tx -> store.load(owner).ifPresent(cart -> {
            store.deleteAllLines(cart.id());
            store.setCoupon(cart.id(), null);
            store.touch(cart.id());
            cart.lines()
                    .forEach(line -> events.publishEvent(new CartItemRemoved(
                            cart.id(), userOf(owner), line.productId(), line.quantity(), Instant.now())));
        }));
        evict(owner);
    }

    PricedCart applyCoupon(CartOwner owner, String code) {
        String normalised = code.strip().toUpperCase(java.util.Locale.ROOT);
        CouponStore.Coupon coupon = coupons.find(normalised)
                .filter(found -> found.usableAt(Instant.now()))
                .orElseThrow(() -> DomainException.unprocessable(
                        "INVALID_COUPON", "This coupon code does not exist or has expired"));
        if (owner instanceof CartOwner.NewGuest
                || owner instanceof CartOwner.Guest guest && !store.guestCartExists(guest.tokenHash())) {
            throw DomainException.unprocessable("EMPTY_CART", "Add something to the cart before applying a coupon");
        }
        if (owner instanceof CartOwner.User user) {
            coupon.refusal(coupons.usage(coupon.code(), user.userId())).ifPresent(reason -> {
                throw DomainException.unprocessable("COUPON_LIMIT_REACHED", "This coupon cannot be used: " + reason);
            });
        }
        transactions.executeWithoutResult(tx -> {
            UUID cartId = store.ensureCart(owner);
            store.setCoupon(cartId, coupon.code());
            store.touch(cartId);
        });
        evict(owner);
        return view(owner);
    }

    PricedCart removeCoupon(CartOwner owner) {
        transactions.executeWithoutResult(tx -> cartIdOf(owner).ifPresent(cartId -> store.setCoupon(cartId, null)));
        evict(owner);
        return view(owner);
    }

    /**
     * Moves a guest's cart into the user's. The rule: a product in both carts gets the sum of both quantities,
     * capped by the per-line maximum and by the stock available now; a product only in the guest cart moves
     * over (capped the same way); products no longer sold or out of stock are dropped. The user's coupon wins
     * over the guest's. The guest cart is deleted. Merging an unknown or already merged token does nothing.
     */
    PricedCart merge(UUID userId, String guestTokenHash) {
        CartOwner user = new CartOwner.User(userId);
        CartOwner guest = new CartOwner.Guest(guestTokenHash);
        transactions.executeWithoutResult(tx -> store.load(guest).ifPresent(guestCart -> {
            UUID cartId = store.ensureCart(user);
            Map<UUID, CartRows.Line> existing = store.load(user).orElseThrow().lines().stream()
                    .collect(Collectors.toMap(CartRows.Line::productId, Function.identity()));
            List<UUID> guestProducts =
                    guestCart.lines().stream().map(CartRows.Line::productId).toList();
            Map<UUID, Integer> stock = inventory.available(guestProducts);
            Map<UUID, ProductCard> cards = catalog.cards(guestProducts).stream()
                    .collect(Collectors.toMap(ProductCard::id, Function.identity()));
            Optional<String> currency = cartCurrency(List.copyOf(existing.values()));
            int lineCount = existing.size();
            for (CartRows.Line line : guestCart.lines()) {
                Optional<ProductCard> product = Optional.ofNullable(cards.get(line.productId()));
                int alreadyThere = existing.containsKey(line.productId())
                        ? existing.get(line.productId()).quantity()
                        : 0;
                int target = Math.min(
                        Math.min(alreadyThere + line.quantity(), properties.maxLineQuantity()),
                        stock.getOrDefault(line.productId(), 0));
                if (product.isEmpty() || target <= alreadyThere) {
                    continue;
                }
                // the cart's rules hold for merged lines too: one currency, at most max-lines lines
                if (currency.isPresent() && !currency.get().equals(product.get().currency())) {
                    continue;
                }
                if (alreadyThere == 0 && lineCount >= properties.maxLines()) {
                    continue;
                }
                currency = currency.or(() -> Optional.of(product.get().currency()));
                lineCount += alreadyThere == 0 ? 1 : 0;
                store.addUnits(
                        cartId,
                        line.productId(),
                        target - alreadyThere,
                        line.priceWhenAdded(),
                        properties.maxLineQuantity());
            }
            if (guestCart.couponCode() != null && store.load(user).orElseThrow().couponCode() == null) {
                store.setCoupon(cartId, guestCart.couponCode());
            }
            store.deleteCart(guestCart.id());
            store.touch(cartId);
        }));
        evict(user);
        return view(user);
    }

    /** Whether the guest token has a cart: tokens the server never issued (or whose cart is gone) have none. */
    boolean guestCartExists(CartOwner.Guest guest) {
        return store.guestCartExists(guest.tokenHash());
    }

    /** The cart's currency: its first line still for sale's; empty for a cart with none. */
    private Optional<String> cartCurrency(List<CartRows.Line> lines) {
        return cartCurrency(lines, cards(lines));
    }

    private static Optional<String> cartCurrency(List<CartRows.Line> lines, Map<UUID, ProductCard> cards) {
        return lines.stream()
                .sorted(java.util.Comparator.comparing(CartRows.Line::addedAt).thenComparing(CartRows.Line::id))
                .map(line -> cards.get(line.productId()))
                .filter(java.util.Objects::nonNull)
                .map(ProductCard::currency)
                .findFirst();
    }

    /** The cards of the lines' products still for sale, by product id. */
    private Map<UUID, ProductCard> cards(List<CartRows.Line> lines) {
        return catalog.cards(lines.stream().map(CartRows.Line::productId).toList()).stream()
                .collect(Collectors.toMap(ProductCard::id, Function.identity()));
    }

    private static DomainException currencyMismatch(String cartCurrency, String productCurrency) {
        return new DomainException(
                DomainException.Kind.CONFLICT,
                "CURRENCY_MISMATCH",
                "This cart is in " + cartCurrency + "; a product priced in " + productCurrency
                        + " cannot be added to it (one currency per cart)",
                List.of(new ErrorDetail("currency", "cart: " + cartCurrency + ", product: " + productCurrency)));
    }

    /** Prices rows read by the caller (checkout reads them under the cart's lock). */
    PricedCart price(CartOwner owner, Optional<CartRows> rows) {
        return price(owner, rows.orElse(CartRows.empty())).cart();
    }

    private CachedPricedCart price(CartOwner owner, CartRows cart) {
        return price(owner, cart, cards(cart.lines()));
    }

    private CachedPricedCart price(CartOwner owner, CartRows cart, Map<UUID, ProductCard> products) {
        Instant now = Instant.now();
        Optional<CouponStore.CustomerDiscount> customer =
                owner instanceof CartOwner.User user ? coupons.customerDiscount(user.userId()) : Optional.empty();
        Optional<CouponStore.Coupon> coupon =
                cart.couponCode() == null ? Optional.empty() : coupons.find(cart.couponCode());
        PricedCart priced = pricing.price(
                cart,
                products,
                customer.map(CouponStore.CustomerDiscount::percentOff).orElse(null),
                coupon.orElse(null),
                now);
        // the price changes when the coupon starts or ends, or the customer's discount ends
        Instant validUntil = java.util.stream.Stream.of(
                        coupon.map(CouponStore.Coupon::startsAt),
                        coupon.map(CouponStore.Coupon::expiresAt),
                        customer.map(CouponStore.CustomerDiscount::expiresAt))
                .flatMap(Optional::stream)
                .filter(now::isBefore)
                .min(java.util.Comparator.naturalOrder())
                .orElse(null);
        return new CachedPricedCart(priced, validUntil);
    }

    private static void requireStock(int wanted, int available) {
        if (wanted > available) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "INSUFFICIENT_STOCK",
                    "Only " + Math.max(available, 0) + " available",
                    List.of(new ErrorDetail("quantity", "available: " + Math.max(available, 0))));
        }
    }

    private Optional<UUID> cartIdOf(CartOwner owner) {
        return store.load(owner).map(CartRows::id);
    }

    private void evict(CartOwner owner) {
        if (owner instanceof CartOwner.User user) {
            cache.evict(user.userId());
        }
    }

    private static UUID userOf(CartOwner owner) {
        return owner instanceof CartOwner.User user ? user.userId() : null;
    }

    private static DomainException itemNotFound() {
        return DomainException.notFound("Cart item");
    }

    record AddResult(CartRows.Line line, PricedCart cart) {}

    private record Added(CartRows.Line line, CartRows rows, Map<UUID, ProductCard> cards) {}
}
